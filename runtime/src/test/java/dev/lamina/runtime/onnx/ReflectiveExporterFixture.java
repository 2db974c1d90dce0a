package dev.lamina.runtime.onnx;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;

/**
 * What {@code ArchitectureTest.ONNX_READS_NO_DJL_INTERNALS} forbids, in the onnx package: reading
 * a DJL block's private field and asking its class (as the exporter did before the descriptor).
 */
public final class ReflectiveExporterFixture {

    private ReflectiveExporterFixture() {}

    public static Object groups(Block block) throws ReflectiveOperationException {
        if (block instanceof Conv2d) {
            java.lang.reflect.Field f = Conv2d.class.getDeclaredField("groups");
            f.setAccessible(true);
            return f.get(block);
        }
        return null;
    }
}
