package dev.lamina.runtime.task;

import dev.lamina.runtime.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How regression targets are standardized for the loss: per target {@code (y - mean) / std}, with
 * mean and standard deviation measured on the training split ({@link #of}); the network learns the
 * standardized values and its predictions are denormalized ({@link #denormalize}) back into the
 * targets' units. {@link #NONE} leaves targets as they are.
 *
 * @param mean per target
 * @param std per target, positive
 */
public record TargetNormalization(double[] mean, double[] std) {

    /** Targets used as they are. */
    public static final TargetNormalization NONE = new TargetNormalization(new double[0], new double[0]);

    public TargetNormalization {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0) || !Double.isFinite(std[i]) || !Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("target " + i + ": mean " + mean[i] + ", std " + std[i]
                        + " (the std must be positive and both finite)");
            }
        }
    }

    /** Whether targets are used as they are. */
    public boolean isNone() {
        return mean.length == 0;
    }

    /**
     * Mean and standard deviation per target of {@code targets} ({@code size} rows of {@code width});
     * a target that never changes gets std 1 (only shifted), so no division by zero.
     */
    public static TargetNormalization of(float[] targets, int width, String setName) {
        int size = width == 0 ? 0 : targets.length / width;
        if (size == 0) {
            throw new InvalidInputException("the training set '" + setName + "' holds no targets to measure their"
                    + " mean and standard deviation on");
        }
        double[] mean = new double[width];
        double[] std = new double[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += targets[i * width + j];
            }
            mean[j] = sum / size;
            double squares = 0;
            for (int i = 0; i < size; i++) {
                double d = targets[i * width + j] - mean[j];
                squares += d * d;
            }
            double s = Math.sqrt(squares / size);
            std[j] = s > 1e-12 ? s : 1;
        }
        return new TargetNormalization(mean, std);
    }

    /** {@code (y - mean) / std} for target {@code j}. */
    public float normalize(float y, int j) {
        return isNone() ? y : (float) ((y - mean[j]) / std[j]);
    }

    /** {@code y * std + mean} for target {@code j}. */
    public double denormalize(double y, int j) {
        return isNone() ? y : y * std[j] + mean[j];
    }

    /** Checks that this normalization has one entry per output (or none). */
    void requireWidth(int outputs) {
        if (!isNone() && mean.length != outputs) {
            throw new InvalidInputException("the target normalization has " + mean.length + " targets, but the"
                    + " model has " + outputs + " outputs");
        }
    }

    /** As JSON: {@code {"mean": [...], "std": [...]}}, or {@code null} for {@link #NONE}. */
    public Map<String, Object> toJson() {
        if (isNone()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", Arrays.stream(mean).boxed().toList());
        m.put("std", Arrays.stream(std).boxed().toList());
        return m;
    }

    /** Reads {@link #toJson()}'s object ({@code null}: {@link #NONE}). */
    public static TargetNormalization fromJson(Object value) {
        if (value == null) {
            return NONE;
        }
        if (!(value instanceof Map<?, ?> m) || !(m.get("mean") instanceof List<?> mean)
                || !(m.get("std") instanceof List<?> std)) {
            throw new IllegalArgumentException("not an object with \"mean\" and \"std\" arrays: " + value);
        }
        return new TargetNormalization(numbers(mean), numbers(std));
    }

    private static double[] numbers(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("not a number: " + values.get(i));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetNormalization t && Arrays.equals(mean, t.mean) && Arrays.equals(std, t.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
