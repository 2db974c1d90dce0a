package dev.lamina.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.LaminaNet;
import java.util.function.Supplier;

/**
 * The {@code NET} handle of a hand-written class that stands in for a processor-generated Net in
 * the tests ({@link TinyNet}, {@link OtherNet}): what the saved-model code uses. The counts and the
 * summary, computed at compile time for a generated Net, are not needed by a saved model.
 */
record StandInNet(String name, Class<?> netClass, Supplier<Block> blocks, Shape inputShape, Shape outputShape)
        implements LaminaNet {

    @Override
    public Block newBlock() {
        return blocks.get();
    }

    @Override
    public long parameterCount() {
        throw new UnsupportedOperationException("not known for the test stand-in " + name);
    }

    @Override
    public long totalParameterCount() {
        throw new UnsupportedOperationException("not known for the test stand-in " + name);
    }

    /** Its shapes, without layers (a saved model writes what its Net describes). */
    @Override
    public dev.lamina.runtime.descriptor.NetDescriptor descriptor() {
        return new dev.lamina.runtime.descriptor.NetDescriptor(name, dev.lamina.Model.Task.MULTI_CLASS, inputShape.slice(1), outputShape.slice(1),
                java.util.List.of());
    }

    @Override
    public String summary() {
        throw new UnsupportedOperationException("not known for the test stand-in " + name);
    }
}
