package dev.lamina.examples.experiment;

import java.util.List;

/**
 * Mean and sample standard deviation of a few numbers (one per seed).
 *
 * @param mean arithmetic mean
 * @param std sample standard deviation (n - 1 in the denominator); 0 for a single value
 * @param n how many values
 */
public record Stats(double mean, double std, int n) {

    /** Statistics of {@code values}; at least one value. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new Stats(mean, 0, 1);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Stats(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
