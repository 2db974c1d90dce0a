package dev.lamina.runtime.run;

import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.task.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How {@code lamina predict} prints and writes the {@link Prediction}s of a binary, multi-label or
 * regression model (docs/tasks.md); the predictions themselves come from the saved model
 * ({@code LaminaModel.taskPredictor}, or {@code LaminaModel.interpret} on any engine's output row).
 *
 * <pre>
 * binary       shirts/1.png: shirt 0.8123 -> shirt (threshold 0.5)
 *              CSV: file,probability_&lt;positive&gt;,predicted
 * multi-label  shoes/2.png: footwear 0.9812, sleeves 0.0100, upper-body 0.0051 -> {footwear} (threshold 0.5)
 *              CSV: file,&lt;label&gt;...,predicted (the set joined by |)
 * regression   rotated/3.png: angle 12.3456
 *              CSV: file,&lt;target&gt;...
 * </pre>
 */
final class TaskPredictions {
    private final SavedModelInfo info;

    TaskPredictions(SavedModelInfo info) {
        this.info = info;
    }

    /** The CSV header, without the line end. */
    String csvHeader() {
        List<String> names = info.classes();
        return switch (info.task().task()) {
            case BINARY -> "file,probability_" + names.get(1) + ",predicted";
            case MULTI_LABEL -> "file," + String.join(",", names) + ",predicted";
            default -> "file," + String.join(",", names);
        };
    }

    /** The printed line of one image. */
    String line(Path file, Prediction prediction) {
        StringBuilder line = new StringBuilder(file.toString()).append(':');
        if (prediction instanceof Prediction.Binary b) {
            line.append(String.format(Locale.ROOT, " %s %.4f -> %s (threshold %s)", b.positive(), b.probability(),
                    b.answer(), b.threshold()));
        } else if (prediction instanceof Prediction.Labels l) {
            for (int i = 0; i < l.labels().size(); i++) {
                line.append(String.format(Locale.ROOT, "%s %s %.4f", i == 0 ? "" : ",", l.labels().get(i),
                        l.probabilities()[i]));
            }
            line.append(" -> {").append(String.join(", ", l.predicted())).append("} (threshold ")
                    .append(l.threshold()).append(')');
        } else if (prediction instanceof Prediction.Values v) {
            for (int i = 0; i < v.targets().size(); i++) {
                line.append(String.format(Locale.ROOT, "%s %s %.4f", i == 0 ? "" : ",", v.targets().get(i),
                        v.values()[i]));
            }
        }
        return line.toString();
    }

    /** The CSV row of one image, with its line end. */
    String csvRow(String file, Prediction prediction, UnaryOperator<String> field) {
        StringBuilder row = new StringBuilder(file);
        if (prediction instanceof Prediction.Binary b) {
            row.append(String.format(Locale.ROOT, ",%.6f,", b.probability())).append(field.apply(b.answer()));
        } else if (prediction instanceof Prediction.Labels l) {
            for (double p : l.probabilities()) {
                row.append(String.format(Locale.ROOT, ",%.6f", p));
            }
            row.append(',').append(field.apply(String.join("|", l.predicted())));
        } else if (prediction instanceof Prediction.Values v) {
            for (double value : v.values()) {
                row.append(String.format(Locale.ROOT, ",%.6f", value));
            }
        }
        return row.append('\n').toString();
    }
}
