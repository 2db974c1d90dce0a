package dev.lamina.runtime.report;

import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the per-epoch history into a directory as {@code history.csv}, {@code history.json} and,
 * when the optional chart libraries are on the classpath, {@code history.png} and {@code
 * history.svg}. The files are rewritten after every epoch, each atomically, so they always
 * describe the run so far and an interrupted run never leaves a half-written one.
 */
public final class HistoryFiles {

    /** File names inside the output directory. */
    public static final String CSV = "history.csv", JSON = "history.json", PNG = "history.png",
            SVG = "history.svg";

    /** The optional libraries the charts need (JFreeChart, JFreeSVG). */
    private static final List<String> CHART_CLASSES = List.of("org.jfree.chart.JFreeChart", "org.jfree.svg.SVGGraphics2D");

    private HistoryFiles() {}

    /**
     * Writes the CSV and the JSON, and the PNG and SVG chart when {@link #chartsAvailable()}.
     *
     * @param evalName what the evaluation columns measured ({@code "test"} or {@code "validation"})
     * @param caption the chart's title (model and run) and subtitles
     */
    public static void writeAll(Path dir, List<EpochStats> history, String evalName, RunCaption caption)
            throws IOException {
        AtomicFiles.writeString(dir.resolve(CSV), csv(history, evalName));
        AtomicFiles.writeString(dir.resolve(JSON), json(history, evalName));
        if (chartsAvailable()) {
            HistoryChart.write(dir.resolve(PNG), history, evalName, caption);
        }
    }

    /**
     * Whether JFreeChart and JFreeSVG are on the classpath. They are optional dependencies of
     * lamina-runtime (an application that only compiles models, or does not want charts, does not
     * get them); without them the history has no PNG or SVG, and nothing else changes.
     */
    public static boolean chartsAvailable() {
        ClassLoader loader = HistoryFiles.class.getClassLoader();
        for (String name : CHART_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /** The history as CSV: a header, then one row per epoch. */
    public static String csv(List<EpochStats> history, String evalName) {
        StringBuilder out = new StringBuilder("epoch,train_loss,train_accuracy," + evalName + "_loss,"
                + evalName + "_accuracy,seconds,images_per_second,learning_rate");
        // a task's further metrics (binary, multi-label, regression) are columns after these
        List<String> metrics = history.isEmpty() ? List.of() : List.copyOf(history.get(0).evalMetrics().keySet());
        metrics.forEach(name -> out.append(',').append(evalName).append('_').append(name));
        out.append('\n');
        for (EpochStats s : history) {
            String row = String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f,%s", s.epoch(),
                    s.trainLoss(), s.trainAccuracy(), s.evalLoss(), s.evalAccuracy(), s.seconds(),
                    s.imagesPerSecond(), Double.isNaN(s.learningRate()) ? ""
                            : String.format(Locale.ROOT, "%.6g", s.learningRate()));
            out.append(row);
            for (String name : metrics) {
                out.append(String.format(Locale.ROOT, ",%.6f", s.evalMetrics().getOrDefault(name, Double.NaN)));
            }
            out.append(String.format(Locale.ROOT, "%n"));
        }
        return out.toString();
    }

    /** The history as JSON: {@code {"eval": evalName, "epochs": [...]}}. */
    public static String json(List<EpochStats> history, String evalName) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("eval", evalName);
        root.put("epochs", history.stream().map(EpochStats::toJson).toList());
        return Json.write(root);
    }
}
