package dev.lamina.runtime.report;

import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the per-epoch history into a directory as {@code history.csv}, {@code history.json} and
 * {@code history.png}. The files are rewritten after every epoch, each atomically, so they always
 * describe the run so far and an interrupted run never leaves a half-written one.
 */
public final class HistoryFiles {

    /** File names inside the output directory. */
    public static final String CSV = "history.csv", JSON = "history.json", PNG = "history.png";

    private HistoryFiles() {}

    /**
     * Writes all three files.
     *
     * @param target what the evaluation columns measured
     */
    public static void writeAll(Path dir, List<EpochStats> history, EvalTarget target) throws IOException {
        AtomicFiles.writeString(dir.resolve(CSV), csv(history, target));
        AtomicFiles.writeString(dir.resolve(JSON), json(history, target));
        HistoryChart.writePng(dir.resolve(PNG), history, target.id());
    }

    /** The history as CSV: a header, then one row per epoch. */
    public static String csv(List<EpochStats> history, EvalTarget target) {
        String evalName = target.id();
        StringBuilder out = new StringBuilder("epoch,train_loss,train_accuracy," + evalName + "_loss,"
                + evalName + "_accuracy,seconds,images_per_second,learning_rate\n");
        for (EpochStats s : history) {
            out.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f,%s%n", s.epoch(),
                    s.trainLoss(), s.trainAccuracy(), s.evalLoss(), s.evalAccuracy(), s.seconds(),
                    s.imagesPerSecond(), Double.isNaN(s.learningRate()) ? ""
                            : String.format(Locale.ROOT, "%.6g", s.learningRate())));
        }
        return out.toString();
    }

    /** The history as JSON: {@code {"eval": "validation" or "test", "epochs": [...]}}. */
    public static String json(List<EpochStats> history, EvalTarget target) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("eval", target.id());
        root.put("epochs", history.stream().map(EpochStats::toJson).toList());
        return Json.write(root);
    }
}
