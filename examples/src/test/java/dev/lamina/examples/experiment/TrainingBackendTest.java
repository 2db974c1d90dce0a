package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.report.EpochStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingBackendTest {
    @Test
    void epochSecondsCountTrainingOnlyAndAccuracyIsTheTestColumn() {
        // 30 s in all (training + evaluation), but 10,000 images at 500 images/s = 20 s training
        List<EpochRecord> epochs = TrainingBackend.epochs(
                List.of(new EpochStats(1, 0.6, 0.78, 0.5, 0.81, 30.0, 500.0)), 10_000);
        assertEquals(new EpochRecord(1, 0.6, 0.78, 0.81, 20.0), epochs.get(0));
    }
}
