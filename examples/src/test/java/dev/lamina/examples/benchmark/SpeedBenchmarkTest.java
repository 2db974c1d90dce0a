package dev.lamina.examples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.ExampleSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's protocol on the small real fixture (timings themselves are not asserted). */
class SpeedBenchmarkTest {

    private static final ExampleSet TRAIN = Datasets.load("fashion-mnist", Fixture.fashionMnistSmall()).train();

    @Test
    void eachNetworkIsBuiltFirstInOneRoundAndEveryTimedStepCounts() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SpeedBenchmark.Report report = SpeedBenchmark.run(ModelCatalog.resolve("FashionCnn")::newBlock,
                HandWrittenFashionCnn::newBlock, TRAIN, new SpeedBenchmark.Settings(32, 1, 5, "cpu", 42),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Round 1 of 2 (generated network built first): 1 warm-up + 2 timed steps each"),
                printed);
        assertTrue(printed.contains("Round 2 of 2 (hand-written network built first): 1 warm-up + 3 timed steps each"),
                printed);
        for (SpeedBenchmark.Measurement m : new SpeedBenchmark.Measurement[] {report.generated(), report.handWritten()}) {
            assertTrue(m.imagesPerSecond() > 0 && Double.isFinite(m.imagesPerSecond()), m.toString());
            assertTrue(m.dataShare() > 0 && m.dataShare() < 1, m.toString());
            assertEquals(32, m.batchSize());
        }
        assertTrue(report.ratio() > 0 && Double.isFinite(report.ratio()));
    }

    @Test
    void tooFewBatchesSaysHowManyAreNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpeedBenchmark.run(
                ModelCatalog.resolve("FashionCnn")::newBlock, HandWrittenFashionCnn::newBlock, TRAIN,
                new SpeedBenchmark.Settings(64, 5, 10, "cpu", 42), new PrintStream(new ByteArrayOutputStream())));

        assertTrue(e.getMessage().contains("holds only 9 batches of 64, the benchmark needs 20"), e.getMessage());
    }
}
