package dev.lamina.runtime.task;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The metrics of the tasks as pure functions on arrays: threshold counts (precision, recall, F1),
 * ROC AUC, and the regression errors. A ratio whose denominator is zero (precision with nothing
 * predicted positive, recall with no positive example) is 0, as scikit-learn's {@code
 * zero_division=0}; ROC AUC with one class only is NaN (it is undefined).
 */
public final class Scores {

    private Scores() {}

    /** True and false positives and negatives at a threshold. */
    public record Counts(long tp, long fp, long tn, long fn) {

        /** Counts of {@code predicted} against {@code actual}. */
        public static Counts of(boolean[] predicted, boolean[] actual) {
            long tp = 0, fp = 0, tn = 0, fn = 0;
            for (int i = 0; i < actual.length; i++) {
                if (predicted[i]) {
                    if (actual[i]) tp++; else fp++;
                } else {
                    if (actual[i]) fn++; else tn++;
                }
            }
            return new Counts(tp, fp, tn, fn);
        }

        public Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
        }

        public double accuracy() {
            long all = tp + fp + tn + fn;
            return all == 0 ? Double.NaN : (double) (tp + tn) / all;
        }

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * The area under the ROC curve of {@code scores} for {@code positive}: the probability that a
     * random positive example scores higher than a random negative one, ties counted one half (the
     * Mann-Whitney U statistic over positives times negatives, from mid-ranks); NaN when one class
     * is missing.
     */
    public static double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mid;
            }
            i = j + 1;
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positives++;
                rankSum += rank[i];
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean absolute error. */
    public static double mae(double[] predicted, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / actual.length;
    }

    /** Root mean squared error. */
    public static double rmse(double[] predicted, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }
        return Math.sqrt(sum / actual.length);
    }

    /**
     * The coefficient of determination, {@code 1 - SS_res / SS_tot}: 1 for a perfect fit, 0 for
     * predicting the mean, negative for worse; NaN when every actual value is the same.
     */
    public static double r2(double[] predicted, double[] actual) {
        double mean = Arrays.stream(actual).average().orElse(Double.NaN);
        double res = 0, tot = 0;
        for (int i = 0; i < actual.length; i++) {
            res += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            tot += (actual[i] - mean) * (actual[i] - mean);
        }
        return tot == 0 ? Double.NaN : 1 - res / tot;
    }

    /** The logistic function, computed without overflow. */
    public static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
