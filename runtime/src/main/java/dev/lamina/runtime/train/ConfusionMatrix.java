package dev.lamina.runtime.train;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs over an evaluation: row {@code t}, column {@code
 * p} is how many examples of class {@code t} the model called {@code p}. Built by the evaluation,
 * read with {@link #recall}, {@link #precision}, {@link #mostConfusedWith} or {@link #format}.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    /** An all-zero matrix over {@code classes} classes. */
    public ConfusionMatrix(int classes) {
        if (classes < 0) {
            throw new IllegalArgumentException("classes must be at least 0, got " + classes);
        }
        counts = new long[classes][classes];
    }

    /** Counts one example of class {@code truth} predicted as {@code predicted}. */
    public void add(int truth, int predicted) {
        if (truth < 0 || truth >= counts.length || predicted < 0 || predicted >= counts.length) {
            throw new IllegalArgumentException("class out of range 0.." + (counts.length - 1) + ": true "
                    + truth + ", predicted " + predicted);
        }
        counts[truth][predicted]++;
    }

    /** Number of classes. */
    public int classes() {
        return counts.length;
    }

    /** Examples of class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Examples whose true class is {@code c}. */
    public long support(int c) {
        long sum = 0;
        for (long n : counts[c]) {
            sum += n;
        }
        return sum;
    }

    /** Examples predicted as {@code c}. */
    public long predicted(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** All examples counted. */
    public long total() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += support(c);
        }
        return sum;
    }

    /** Fraction of class {@code c}'s examples predicted as {@code c}; NaN when it has none. */
    public double recall(int c) {
        long support = support(c);
        return support == 0 ? Double.NaN : (double) counts[c][c] / support;
    }

    /** Fraction of the predictions of {@code c} that are right; NaN when nothing was predicted as {@code c}. */
    public double precision(int c) {
        long predicted = predicted(c);
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** The wrong class that class {@code c} is most often predicted as, or -1 when it never is. */
    public int mostConfusedWith(int c) {
        int worst = -1;
        for (int p = 0; p < counts.length; p++) {
            if (p != c && counts[c][p] > 0 && (worst < 0 || counts[c][p] > counts[c][worst])) {
                worst = p;
            }
        }
        return worst;
    }

    /**
     * One line per class: its name, examples, recall (the class's accuracy), precision, and the
     * class it is most often mistaken for with how often.
     *
     * @param names class names, index = class; a missing or short list falls back to the numbers
     */
    public String format(List<String> names) {
        int width = "class".length();
        for (int c = 0; c < counts.length; c++) {
            width = Math.max(width, name(names, c).length());
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + width
                + "s  %8s  %7s  %9s  %s%n", "class", "examples", "recall", "precision", "most often mistaken for"));
        for (int c = 0; c < counts.length; c++) {
            int other = mostConfusedWith(c);
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %8d  %7s  %9s  %s%n", name(names, c), support(c),
                    fraction(recall(c)), fraction(precision(c)),
                    other < 0 ? "-" : name(names, other) + " (" + counts[c][other] + ")"));
        }
        return out.toString();
    }

    private static String name(List<String> names, int c) {
        return names != null && c < names.size() ? names.get(c) : Integer.toString(c);
    }

    private static String fraction(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
