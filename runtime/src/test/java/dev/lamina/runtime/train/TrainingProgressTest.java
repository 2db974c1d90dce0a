package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.report.EpochStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    @Test
    void terminalRedrawsOneBarWithCarriageReturnsAndEndsWithASummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainingProgress progress = new TrainingProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 50);
        progress.epochStarted(1, 2, 4);
        for (int b = 1; b <= 4; b++) {
            progress.batchDone(b, 0.5, b * 100L, b * 1_000_000_000L, 0.003 / b);
        }
        progress.epochDone(new EpochStats(1, 0.5, 0.8, 0.4, 0.85, 4.2, 100), EvalTarget.TEST);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\repoch 1/2 ["), out);
        assertTrue(out.contains("\repoch 1/2 [========================] 4/4 loss 0.5000 lr 7.50e-04 100 img/s ETA 0:00"), out);
        assertTrue(out.endsWith("epoch 1/2: train loss 0.5000 acc 0.8000 | test loss 0.4000 acc 0.8500 | 4.2 s, 100 img/s"
                + System.lineSeparator()), out);
    }

    @Test
    void clockShowsMinutesAndHours() {
        assertEquals("0:07", TrainingProgress.clock(7.2));
        assertEquals("2:05", TrainingProgress.clock(125));
        assertEquals("1:00:01", TrainingProgress.clock(3601));
    }
}
