package dev.lamina.processor.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras-like {@code model.summary()} of a shaped model, with torchinfo's costs: one row per
 * layer (block name and kind, output shape without the batch axis, parameter count, parameter
 * memory, multiply-accumulates for one example, and activation memory for a batch of {@code
 * batch} in inference and in training; a body's own layers indented under it, as Keras's {@code
 * expand_nested}), then {@code Total params}, {@code Trainable params} and {@code Non-trainable
 * params}, then the totals of the costs, each on its own line. Memory is fp32 (4 bytes a value):
 * parameters x 4; a layer's forward activations are the elements it keeps
 * ({@link ShapedLayer#activations}) x 4 x batch, and in training twice that (each kept output and
 * its gradient, torchinfo's forward/backward pass size). The estimated totals add the input and
 * the parameters, and in training the trainable parameters' gradients and Adam's two moments.
 * Numbers use {@link Locale#ROOT} so the text is the same on every machine: thousands separators
 * for counts, K/M/G (10^3) for MACs, KiB/MiB/GiB (2^10) for memory.
 */
public final class SummaryTable {

    private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #", "Param mem", "MACs",
        "Act. fwd", "Act. fwd+bwd"};
    /** Bytes of an fp32 value. */
    private static final double FP32 = 4;

    private SummaryTable() {}

    /**
     * The summary text, activation memory for a batch of {@code batch} examples, lines separated by
     * {@code \n}, ending with a newline.
     */
    public static String render(ShapedModel model, int batch) {
        List<String[]> rows = new ArrayList<>();
        addRows(rows, model, "", batch);
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            widen(widths, row);
        }
        widen(widths, HEADER);
        int total = 2 * (HEADER.length - 1);
        for (int width : widths) {
            total += width;
        }
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(model.spec().simpleName()).append("\"  input ")
                .append(model.input()).append("  (fp32; activations for a batch of ").append(batch).append(")\n");
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
        double input = model.input().size() * FP32 * batch;
        double params = model.totalParams() * FP32;
        double forward = model.activations() * FP32 * batch;
        // weights, their gradients and Adam's first and second moments
        double optimizer = model.trainableParams() * FP32 * 3;
        out.append("MACs per example: ").append(macs(model.macs())).append('\n');
        out.append("Params size: ").append(bytes(params)).append('\n');
        out.append("Input size (batch ").append(batch).append("): ").append(bytes(input)).append('\n');
        out.append("Forward pass size (batch ").append(batch).append("): ").append(bytes(forward)).append('\n');
        out.append("Forward/backward pass size (batch ").append(batch).append("): ").append(bytes(2 * forward))
                .append('\n');
        out.append("Estimated total, inference: ").append(bytes(input + forward + params))
                .append(" (input + forward pass + params)\n");
        out.append("Estimated total, training: ").append(bytes(input + 2 * forward + params + optimizer))
                .append(" (input + forward/backward pass + params + their gradients and Adam moments)\n");
        return out.toString();
    }

    /**
     * One row per layer; a body (a sub-model without {@code @Model(input)}, which has no Net and so
     * no summary of its own) is followed by its own layers, indented, with the shapes they have at
     * this use. The totals count each layer once: the body's row holds its layers' parameters.
     */
    private static void addRows(List<String[]> rows, ShapedModel model, String indent, int batch) {
        for (ShapedLayer layer : model.layers()) {
            double forward = layer.activations() * FP32 * batch;
            rows.add(new String[] {indent + layer.spec().name() + " (" + layer.spec().kind() + ")",
                layer.out().toString(), number(layer.params()), bytes(layer.params() * FP32), macs(layer.macs()),
                bytes(forward), bytes(2 * forward)});
            if (layer.inside() != null && layer.inside().spec().inputFromUseSite()) {
                addRows(rows, layer.inside(), indent + "  ", batch);
            }
        }
    }

    private static void widen(int[] widths, String[] row) {
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
        }
    }

    private static void row(StringBuilder out, int[] widths, String[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i < row.length - 1 ? pad(row[i], widths[i] + 2) : row[i]);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** Multiply-accumulates: below 1,000 as they are, else to two decimals of K, M, G or T (10^3 steps). */
    static String macs(long n) {
        return scaled(n, 1000, "", "K", "M", "G", "T");
    }

    /** Memory: below 1 KiB in bytes ({@code 512 B}), else to two decimals of KiB, MiB, GiB or TiB. */
    static String bytes(double n) {
        return scaled(n, 1024, " B", " KiB", " MiB", " GiB", " TiB");
    }

    private static String scaled(double n, double step, String... units) {
        if (n < step) {
            return (long) n + units[0];
        }
        int unit = 0;
        while (n >= step && unit < units.length - 1) {
            n /= step;
            unit++;
        }
        long hundredths = Math.round(n * 100); // not String.format: the summary is rendered per model, hot
        long cents = hundredths % 100;
        return hundredths / 100 + (cents < 10 ? ".0" : ".") + cents + units[unit];
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
