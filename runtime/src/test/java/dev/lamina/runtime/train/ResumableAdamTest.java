package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.lamina.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

class ResumableAdamTest {

    /** The weight 1 after one step at rate 0.1 with the given decay and gradient. */
    private static float afterOneStep(float weightDecay, float gradient) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f});
            NDArray grad = manager.create(new float[] {gradient});
            new ResumableAdam(0.1f, weightDecay).update("w", weight, grad);
            return weight.getFloat(0);
        }
    }

    @Test
    void theFirstAdamStepMovesEachWeightByTheRate() {
        // bias-corrected first step: m / sqrt(v) = sign(gradient), so the step is the rate itself
        assertEquals(0.9f, afterOneStep(0f, 1f), 1e-6);
        assertEquals(1.1f, afterOneStep(0f, -3f), 1e-6);
    }

    @Test
    void weightDecayIsDecoupledAsInAdamW() {
        // AdamW shrinks the weight by rate * decay of itself, apart from the gradient: with no
        // gradient 1 -> 0.99; an L2 penalty added to the gradient would instead take a full
        // Adam step of the rate (1 -> 0.9)
        assertEquals(0.99f, afterOneStep(0.1f, 0f), 1e-6);
        assertEquals(0.89f, afterOneStep(0.1f, 1f), 1e-6);
    }

    @Test
    void aNegativeOrNonFiniteDecayIsRefusedByTheConfig() {
        for (float bad : new float[] {-0.1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> TrainingConfig.builder().weightDecay(bad).build());
            assertTrue(e.getMessage().contains("weight decay must be 0 or a positive number"), e.getMessage());
        }
    }
}
