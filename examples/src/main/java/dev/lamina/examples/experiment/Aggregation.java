package dev.lamina.examples.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Summarizes runs per model over seeds, keeping the order in which models first appear. */
public final class Aggregation {
    private Aggregation() {
    }

    /**
     * One {@link ModelResult} per model in {@code runs}.
     *
     * @param runs finished runs, any number per model
     * @param family where each model's dropout rate comes from
     */
    public static List<ModelResult> summarize(List<RunRecord> runs, ExperimentFamily family) {
        Map<String, List<RunRecord>> byModel = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            byModel.computeIfAbsent(run.model(), k -> new ArrayList<>()).add(run);
        }
        List<ModelResult> results = new ArrayList<>();
        byModel.forEach((model, modelRuns) -> results.add(new ModelResult(
                model,
                modelRuns.get(0).parameters(),
                family.dropoutRate(model),
                Stats.of(values(modelRuns, RunRecord::finalTestAccuracy)),
                bestMeanEpoch(modelRuns),
                mean(modelRuns, RunRecord::trainTestGap),
                mean(modelRuns, RunRecord::secondsPerEpoch))));
        return results;
    }

    /** The 1-based epoch where test accuracy averaged over the runs is highest (earliest on ties). */
    static int bestMeanEpoch(List<RunRecord> runs) {
        int epochs = runs.stream().mapToInt(r -> r.epochs().size()).min().orElseThrow();
        int best = 1;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < epochs; e++) {
            final int index = e;
            double accuracy = mean(runs, r -> r.epochs().get(index).testAccuracy());
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = e + 1;
            }
        }
        return best;
    }

    private static List<Double> values(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return runs.stream().map(r -> f.applyAsDouble(r)).toList();
    }

    private static double mean(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        return Stats.of(values(runs, f)).mean();
    }
}
