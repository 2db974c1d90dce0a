package dev.lamina.processor.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras-like {@code model.summary()} of a shaped model: one row per layer (block name and
 * kind, output shape without the batch axis, parameter count; a body's own layers indented under
 * it, as Keras's {@code expand_nested}), then {@code Total params},
 * {@code Trainable params} and {@code Non-trainable params}, each on its own line. Numbers use
 * {@link Locale#ROOT} thousands separators so the text is the same on every machine.
 */
public final class SummaryTable {

    private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #"};

    private SummaryTable() {}

    /** The summary text, lines separated by {@code \n}, ending with a newline. */
    public static String render(ShapedModel model) {
        List<String[]> rows = new ArrayList<>();
        addRows(rows, model, "");
        int[] widths = new int[3];
        for (String[] row : rows) {
            widen(widths, row);
        }
        widen(widths, HEADER);
        int total = widths[0] + widths[1] + widths[2] + 4;
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(model.spec().simpleName()).append("\"  input ")
                .append(model.input()).append('\n');
        out.append("=".repeat(total)).append('\n');
        row(out, widths, HEADER);
        out.append("=".repeat(total)).append('\n');
        for (String[] row : rows) {
            row(out, widths, row);
        }
        out.append("=".repeat(total)).append('\n');
        out.append("Total params: ").append(number(model.totalParams())).append('\n');
        out.append("Trainable params: ").append(number(model.trainableParams())).append('\n');
        out.append("Non-trainable params: ").append(number(model.nonTrainableParams())).append('\n');
        return out.toString();
    }

    /**
     * One row per layer; a body (a sub-model without {@code @Model(input)}, which has no Net and so
     * no summary of its own) is followed by its own layers, indented, with the shapes they have at
     * this use. The totals count each layer once: the body's row holds its layers' parameters.
     */
    private static void addRows(List<String[]> rows, ShapedModel model, String indent) {
        for (ShapedLayer layer : model.layers()) {
            rows.add(new String[] {indent + layer.spec().name() + " (" + layer.spec().kind() + ")",
                layer.out().toString(), number(layer.params())});
            if (layer.inside() != null && layer.inside().spec().inputFromUseSite()) {
                addRows(rows, layer.inside(), indent + "  ");
            }
        }
    }

    private static void widen(int[] widths, String[] row) {
        for (int i = 0; i < 3; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
        }
    }

    private static void row(StringBuilder out, int[] widths, String[] row) {
        String line = pad(row[0], widths[0] + 2) + pad(row[1], widths[1] + 2) + row[2];
        out.append(line.stripTrailing()).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /**
     * {@code n} with a comma every three digits, as {@code String.format(Locale.ROOT, "%,d", n)}
     * but without parsing a format per cell (this ran hot in the processor benchmark).
     */
    static String number(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
