package dev.lamina.examples.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** {@code runs.json}: the plan, the machine and its load, and the runs with their epochs. */
    public static void writeJson(ExperimentPlan plan, List<RunRecord> runs, Experiment.Conditions conditions,
                                 Path file) throws IOException {
        AtomicFiles.writeString(file, json(plan.describe(), conditions, runs));
    }

    /**
     * The text of {@code runs.json}: {@code {"plan": ..., "machine": {"cpu", "cores",
     * "loadAverageBefore", "loadAverageAfter"}, "runs": [{"model", "parameters", "seed", "epochs":
     * [{"epoch", "trainLoss", "trainAccuracy", "testAccuracy", "seconds"}]}]}}; each load average
     * is [1 min, 5 min, 15 min], and an epoch's seconds are wall time under that load.
     */
    static String json(String plan, Experiment.Conditions conditions, List<RunRecord> runs) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", conditions.machine().cpu());
        machine.put("cores", conditions.machine().cores());
        machine.put("loadAverageBefore", conditions.before().values());
        machine.put("loadAverageAfter", conditions.after().values());
        root.put("machine", machine);
        root.put("runs", runs.stream().map(RunsFiles::run).toList());
        return Json.write(root);
    }

    /** What {@code runs.json} holds: the plan's description and the runs. */
    public record Contents(String plan, List<RunRecord> runs) {}

    /**
     * Reads a {@code runs.json} written by {@link #writeJson}.
     *
     * @throws IOException when the file cannot be read or is not such a file (the message names it
     *     and what is wrong)
     */
    public static Contents readJson(Path file) throws IOException {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            List<RunRecord> runs = new ArrayList<>();
            for (JsonElement element : root.getAsJsonArray("runs")) {
                JsonObject run = element.getAsJsonObject();
                List<EpochRecord> epochs = new ArrayList<>();
                for (JsonElement e : run.getAsJsonArray("epochs")) {
                    JsonObject epoch = e.getAsJsonObject();
                    epochs.add(new EpochRecord(epoch.get("epoch").getAsInt(), epoch.get("trainLoss").getAsDouble(),
                            epoch.get("trainAccuracy").getAsDouble(), epoch.get("testAccuracy").getAsDouble(),
                            epoch.get("seconds").getAsDouble()));
                }
                runs.add(new RunRecord(run.get("model").getAsString(), run.get("parameters").getAsLong(),
                        run.get("seed").getAsLong(), epochs));
            }
            return new Contents(root.get("plan").getAsString(), runs);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NullPointerException | NumberFormatException e) {
            throw new IOException(file + " is not a runs.json written by lamina experiment: " + e.getMessage(), e);
        }
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
