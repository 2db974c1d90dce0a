package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static RunRecord run(String model, long seed, double... testAccuracies) {
        List<EpochRecord> epochs = new java.util.ArrayList<>();
        for (int e = 0; e < testAccuracies.length; e++) {
            // train accuracy 0.05 above test; 10 s per epoch for seed 1, 20 s for seed 2
            epochs.add(new EpochRecord(e + 1, 0.5, testAccuracies[e] + 0.05, testAccuracies[e],
                    10.0 * seed));
        }
        return new RunRecord(model, 1000, seed, epochs);
    }

    @Test
    void summarizesEachModelOverSeedsInFirstSeenOrder() {
        List<ModelResult> results = Aggregation.summarize(List.of(
                run("Plain", 1, 0.80, 0.86, 0.85),
                run("DropoutBetweenConvs30", 1, 0.70, 0.75, 0.78),
                run("Plain", 2, 0.82, 0.90, 0.87),
                run("DropoutBetweenConvs30", 2, 0.72, 0.74, 0.80)), ExperimentFamily.DEFAULT);

        assertEquals(List.of("Plain", "DropoutBetweenConvs30"),
                results.stream().map(ModelResult::model).toList());
        ModelResult plain = results.get(0);
        assertEquals(0.86, plain.testAccuracy().mean(), 1e-12);        // (0.85 + 0.87) / 2
        assertEquals(Math.sqrt(0.0002), plain.testAccuracy().std(), 1e-12);
        assertEquals(2, plain.bestEpoch()); // mean per epoch: .81 .88 .86
        assertEquals(0.05, plain.trainTestGap(), 1e-12);
        assertEquals(15.0, plain.secondsPerEpoch(), 1e-12);
        assertEquals(0.0, plain.dropoutRate(), 0.0);

        ModelResult dropout = results.get(1);
        assertEquals(0.79, dropout.testAccuracy().mean(), 1e-12);
        assertEquals(3, dropout.bestEpoch());
        assertEquals(0.3, dropout.dropoutRate(), 1e-12);
    }

    @Test
    void modelsOutsideTheDropoutSeriesHaveNoRate() {
        List<ModelResult> results = Aggregation.summarize(
                List.of(run("BatchNormConvs", 1, 0.9)), ExperimentFamily.DEFAULT);
        assertTrue(Double.isNaN(results.get(0).dropoutRate()));
        assertTrue(!results.get(0).inDropoutSeries());
    }

    @Test
    void bestEpochOfARunIsTheEarliestPeak() {
        assertEquals(2, run("Plain", 1, 0.8, 0.9, 0.9, 0.85).bestEpoch());
    }
}
