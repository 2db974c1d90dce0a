package dev.lamina.examples.experiment;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.report.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the raw per-run, per-epoch history as {@code runs.csv} and {@code runs.json}, each
 * atomically. The JSON is written by the runtime's {@link Json} (non-finite numbers as the strings
 * {@code "NaN"}, {@code "Infinity"}, so the file stays valid JSON).
 */
public final class RunsFiles {
    /** Header of {@code runs.csv}: one row per run and epoch follows. */
    public static final String CSV_HEADER =
            "model,params,seed,epoch,train_loss,train_accuracy,test_accuracy,seconds";

    private RunsFiles() {
    }

    /** {@code runs.csv}. */
    public static void writeCsv(List<RunRecord> runs, Path file) throws IOException {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (RunRecord run : runs) {
            for (EpochRecord e : run.epochs()) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f,%.6f,%.6f,%.3f%n",
                        run.model(), run.parameters(), run.seed(), e.epoch(), e.trainLoss(),
                        e.trainAccuracy(), e.testAccuracy(), e.seconds()));
            }
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** {@code runs.json}: the plan and the runs with their epochs. */
    public static void writeJson(ExperimentPlan plan, List<RunRecord> runs, Path file)
            throws IOException {
        AtomicFiles.writeString(file, json(plan.describe(), runs));
    }

    /**
     * The text of {@code runs.json}: {@code {"plan": ..., "runs": [{"model", "parameters",
     * "seed", "epochs": [{"epoch", "trainLoss", "trainAccuracy", "testAccuracy", "seconds"}]}]}}.
     */
    static String json(String plan, List<RunRecord> runs) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan);
        root.put("runs", runs.stream().map(RunsFiles::run).toList());
        return Json.write(root);
    }

    private static Map<String, Object> run(RunRecord run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", run.model());
        m.put("parameters", run.parameters());
        m.put("seed", run.seed());
        m.put("epochs", run.epochs().stream().map(RunsFiles::epoch).toList());
        return m;
    }

    private static Map<String, Object> epoch(EpochRecord e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("trainLoss", e.trainLoss());
        m.put("trainAccuracy", e.trainAccuracy());
        m.put("testAccuracy", e.testAccuracy());
        m.put("seconds", e.seconds());
        return m;
    }
}
