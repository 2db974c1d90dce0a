package dev.lamina.runtime.blocks;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Gives an initialized block random parameters, batch norm statistics included (a fresh block's
 * are 0 and 1, which would let a test miss how they are used); running variances stay positive.
 */
public final class RandomParameters {

    private RandomParameters() {}

    public static void set(Block block, long seed, float scale) {
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] values = new float[(int) p.getValue().getArray().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = p.getKey().endsWith("runningVar") ? 0.5f + random.nextFloat()
                        : (float) random.nextGaussian() * scale;
            }
            p.getValue().getArray().set(FloatBuffer.wrap(values));
        }
    }
}
