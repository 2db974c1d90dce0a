package dev.lamina.examples.experiment;

import com.google.gson.GsonBuilder;

import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the raw per-run, per-epoch history as {@code runs.csv} and {@code runs.json}. */
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan.describe());
        root.put("runs", runs);
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(root));
    }
}
