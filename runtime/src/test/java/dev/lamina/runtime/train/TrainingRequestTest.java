package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Options a tool was given, applied to a base and refused under the tool's names. */
class TrainingRequestTest {

    @Test
    void whatIsGivenReplacesTheBaseAndTheRestKeepsIt() {
        TrainingSettings base = new TrainingSettings(7, 32, 0.01f, LearningRateSchedule.constant(), 0f, 5, 0.2, 2);
        assertEquals(base, TrainingRequest.NONE.over(base, TrainingRequest.COMMAND_LINE));
        TrainingSettings given = new TrainingRequest(1, null, null, "cosine", null, 9L, null, null)
                .over(base, TrainingRequest.COMMAND_LINE);
        assertEquals(new TrainingSettings(1, 32, 0.01f, LearningRateSchedule.cosine(0), 0f, 9, 0.2, 2), given);
    }

    @Test
    void aValueOutOfRangeIsRefusedUnderTheToolsNameForIt() {
        TrainingRequest zeroEpochs = new TrainingRequest(0, null, null, null, null, null, null, null);
        assertEquals("--epochs must be at least 1, got 0", assertThrows(InvalidInputException.class,
                () -> zeroEpochs.over(TrainingSettings.DEFAULTS, TrainingRequest.COMMAND_LINE)).getMessage());
        assertEquals("lamina.epochs must be at least 1, got 0", assertThrows(InvalidInputException.class,
                () -> zeroEpochs.over(TrainingSettings.DEFAULTS, TrainingRequest.fromMap(Map.of("epochs", "lamina.epochs"))))
                .getMessage());
        assertEquals("--batch-size must be at least 1, got -1", assertThrows(InvalidInputException.class,
                () -> new TrainingRequest(null, -1, null, null, null, null, null, null)
                        .over(TrainingSettings.DEFAULTS, TrainingRequest.COMMAND_LINE)).getMessage());
        assertEquals("--limit-batches must be 0 (all batches) or more, got -2",
                assertThrows(InvalidInputException.class, () -> TrainingRequest.limitBatches(-2)).getMessage());
    }

    @Test
    void earlyStoppingWithoutAValidationSetIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new TrainingRequest(null, null, null, null, null, null, 0.0, 3)
                        .over(TrainingSettings.DEFAULTS, TrainingRequest.COMMAND_LINE));
        assertEquals("early stopping (patience 3) needs a validation set to watch; give --validation, or set"
                + " --patience 0. Stopping on the test set would make the test accuracy an optimistic estimate.",
                e.getMessage());
    }
}
