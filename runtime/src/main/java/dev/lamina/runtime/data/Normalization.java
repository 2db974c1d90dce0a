package dev.lamina.runtime.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Per-channel standardization, {@code (x - mean[c]) / std[c]}. Fit it on the training set only
 * ({@link #fit}) and apply it to every split, so no test statistics leak into training. The
 * statistics are plain numbers: save them with {@link #format()} and restore them with
 * {@link #parse(String)}, or store the two arrays yourself.
 *
 * @param mean one mean per channel
 * @param std one standard deviation per channel, each finite and at least {@value #MIN_STD} (a
 *     smaller one turns pixel values into infinities; {@link #fit} gives a channel of nearly equal
 *     values std 1)
 */
public record Normalization(double[] mean, double[] std) {

    /** The smallest std: dividing values in [0, 1] by less overflows float arithmetic downstream. */
    public static final double MIN_STD = 1e-6;

    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("normalization needs one mean and one std per"
                    + " channel, got " + mean.length + " means and " + std.length + " stds");
        }
        for (double s : std) {
            if (!(s >= MIN_STD) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("normalization std must be finite and at least " + MIN_STD
                        + ", got " + Arrays.toString(std));
            }
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("normalization mean must be finite, got " + Arrays.toString(mean));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Per-channel mean and population standard deviation of a set (use the training set). A
     * channel whose values are all equal gets std 1, so it is only shifted.
     */
    public static Normalization fit(ExampleSet train) {
        int channels = train.channels();
        int plane = train.height() * train.width();
        double[] sum = new double[channels];
        double[] sumSquares = new double[channels];
        float[] x = new float[train.exampleSize()];
        for (int example = 0; example < train.size(); example++) {
            train.read(example, x, 0);
            for (int c = 0; c < channels; c++) {
                int from = c * plane;
                double s = 0;
                double q = 0;
                for (int i = from; i < from + plane; i++) {
                    s += x[i];
                    q += (double) x[i] * x[i];
                }
                sum[c] += s;
                sumSquares[c] += q;
            }
        }
        double n = (double) train.size() * plane;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / n;
            double variance = Math.max(0, sumSquares[c] / n - mean[c] * mean[c]);
            std[c] = Math.sqrt(variance) >= MIN_STD ? Math.sqrt(variance) : 1;
        }
        return new Normalization(mean, std);
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    /** A normalized copy of {@code set}. */
    public LabeledImages apply(LabeledImages set) {
        checkChannels(set.channels(), set.name());
        float[] copy = set.images().clone();
        applyInPlace(copy, set.size(), set.height() * set.width());
        return new LabeledImages(set.name(), set.channels(), set.height(), set.width(),
                set.classes(), copy, set.labels());
    }

    /**
     * Every split normalized with these statistics, copied into memory ({@link
     * LabeledImages#copyOf}); streamed sets are better normalized batch by batch ({@link
     * BatchOptions#withNormalization}).
     */
    public DataSplits apply(DataSplits splits) {
        return new DataSplits(apply(LabeledImages.copyOf(splits.train())),
                splits.hasValidation() ? apply(LabeledImages.copyOf(splits.validation())) : null,
                apply(LabeledImages.copyOf(splits.test())));
    }

    /**
     * Normalizes {@code count} channels-first examples in place, each of {@link #channels()}
     * planes of {@code plane} values.
     */
    public void applyInPlace(float[] values, int count, int plane) {
        int channels = channels();
        float[] shift = new float[channels];
        float[] scale = new float[channels];
        for (int c = 0; c < channels; c++) {
            shift[c] = (float) mean[c];
            scale[c] = (float) (1 / std[c]);
        }
        for (int example = 0; example < count; example++) {
            for (int c = 0; c < channels; c++) {
                int from = (example * channels + c) * plane;
                for (int i = from; i < from + plane; i++) {
                    values[i] = (values[i] - shift[c]) * scale[c];
                }
            }
        }
    }

    /** The statistics as text, e.g. {@code mean=0.286,0.31 std=0.353,0.3}; see {@link #parse}. */
    public String format() {
        return "mean=" + join(mean) + " std=" + join(std);
    }

    /**
     * Reads statistics written by {@link #format()}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Normalization parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].startsWith("mean=") || !parts[1].startsWith("std=")) {
            throw new IllegalArgumentException("not normalization statistics: '" + text
                    + "'; expected 'mean=m1,m2,... std=s1,s2,...'");
        }
        return new Normalization(numbers(parts[0].substring(5)), numbers(parts[1].substring(4)));
    }

    void checkChannels(int channels, String what) {
        if (channels != channels()) {
            throw new IllegalArgumentException(what + " has " + channels + " channels but the"
                    + " normalization was fitted on " + channels() + " channels");
        }
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%s", v))
                .collect(Collectors.joining(","));
    }

    private static double[] numbers(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization other && Arrays.equals(mean, other.mean)
                && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[" + format() + "]";
    }
}
