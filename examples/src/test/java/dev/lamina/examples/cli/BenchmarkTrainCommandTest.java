package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import org.junit.jupiter.api.Test;

/** A smoke run of {@code lamina benchmark train} with a tiny limit (its timings are not asserted). */
class BenchmarkTrainCommandTest {

    @Test
    void printsThroughputPeakPhasesKernelsAndDropout() {
        CliRun run = CliRun.of("benchmark", "train", "--models", "FashionCnn", "--batch-size", "8", "--warmup", "1",
                "--steps", "2", "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu");
        assertEquals(LaminaCli.OK, run.code(), run.both());
        String out = run.out();
        assertTrue(out.contains("fp32 peak: ") && out.contains(" GFLOP/s"), out);
        // FashionCnn: 11,073,280 MACs per image, 6 x that FLOPs per training image
        assertTrue(out.contains("FashionCnn: 11.07 M forward MACs per image, 66.4 MFLOP per training image"), out);
        assertTrue(CliRun.number(out, "Lamina train loop: ([0-9.]+) images/s") > 0, out);
        assertTrue(out.contains("step time: data ") && out.contains(" optimizer ") && out.contains(" loop "), out);
        for (String conv : new String[] {"conv1 ", "conv2 ", "conv3 ", "all "}) {
            assertTrue(out.contains("    " + conv), conv + " missing:\n" + out);
        }
        assertTrue(out.contains("Dropout 0.5 on a (8, 32, 28, 28) feature map"), out);
        assertTrue(out.contains("DJL block / torch::dropout: "), out);
    }

    @Test
    void badCountsAreAUsageError() {
        CliRun run = CliRun.of("benchmark", "train", "--steps", "0");
        assertEquals(LaminaCli.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--steps must be at least 1"), run.both());
    }
}
