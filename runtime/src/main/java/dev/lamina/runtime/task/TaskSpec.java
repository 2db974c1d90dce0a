package dev.lamina.runtime.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import dev.lamina.Model;
import dev.lamina.runtime.InvalidInputException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the runtime does differently per {@link Model.Task}, in one place: the loss on the
 * raw outputs, the label tensor a batch becomes, the metrics and the one the best epoch is chosen
 * on, and how one raw output row becomes a {@link Prediction}. One record per task:
 *
 * <table>
 * <caption>the tasks</caption>
 * <tr><th>task</th><th>loss (DJL)</th><th>metrics</th><th>best epoch on</th></tr>
 * <tr><td>{@link MultiClass}</td><td>softmax cross-entropy on the logits</td><td>accuracy</td><td>accuracy</td></tr>
 * <tr><td>{@link Binary}</td><td>sigmoid cross-entropy on the logit ({@code fromSigmoid = false})</td>
 *     <td>accuracy, precision, recall, F1 at the threshold; ROC AUC</td><td>ROC AUC</td></tr>
 * <tr><td>{@link MultiLabel}</td><td>sigmoid cross-entropy per label</td>
 *     <td>accuracy per decision; micro precision, recall, F1; macro ROC AUC</td><td>macro ROC AUC</td></tr>
 * <tr><td>{@link Regression}</td><td>mean squared error on the (standardized) targets</td>
 *     <td>MAE, RMSE (targets' units), R^2</td><td>R^2 (mean over targets)</td></tr>
 * </table>
 */
public sealed interface TaskSpec {

    /** The default threshold on a probability: 0.5. */
    double DEFAULT_THRESHOLD = 0.5;

    /** The task of a Net, with the default threshold and no target normalization. */
    static TaskSpec of(Model.Task task) {
        return switch (task) {
            case MULTI_CLASS -> new MultiClass();
            case BINARY -> new Binary(DEFAULT_THRESHOLD);
            case MULTI_LABEL -> new MultiLabel(DEFAULT_THRESHOLD);
            case REGRESSION -> new Regression(TargetNormalization.NONE);
        };
    }

    /** The task this spec is for. */
    Model.Task task();

    /** The loss, on the raw outputs (logits, or standardized values). */
    Loss loss();

    /**
     * Whether examples carry float targets (multi-label: 0 or 1 per label; regression: values)
     * rather than one class label.
     */
    default boolean usesTargets() {
        return false;
    }

    /**
     * The label tensor of a batch for {@link #loss()}: int64 class labels (multi-class), or float
     * (size, outputs) (the others).
     *
     * @param labels one class label per example (multi-class, binary)
     * @param targets {@code size * outputs} targets, row by row (multi-label, regression)
     * @throws InvalidInputException when a label is outside what the model's outputs can mean
     */
    NDArray labels(NDManager m, int[] labels, float[] targets, int size, int outputs);

    /**
     * How many of the batch's examples are right (multi-label: decisions right over the labels,
     * so a fraction per example); NaN for regression, which has no accuracy.
     */
    double correct(NDArray outputs, NDArray labels);

    /** A fresh accumulator of this task's metrics over a set, for a model with {@code outputs} outputs. */
    Metrics metrics(int outputs);

    /** The name of the metric the best epoch is chosen on (higher is better): see the table above. */
    String selectionMetric();

    /**
     * {@link #selectionMetric()} in words: {@code accuracy}, {@code ROC AUC}, {@code ROC AUC
     * (macro)}, {@code R^2}.
     */
    default String selectionName() {
        return switch (selectionMetric()) {
            case "roc_auc" -> this instanceof MultiLabel ? "ROC AUC (macro)" : "ROC AUC";
            case "r2" -> "R^2";
            default -> selectionMetric();
        };
    }

    /**
     * The loss of a model that knows nothing: {@code ln(classes)} for multi-class, {@code ln 2} for
     * the sigmoid tasks, 1 for standardized regression targets (their variance), infinite for raw
     * regression targets (then only a non-finite loss stops a run). A loss 100 times this has
     * exploded.
     */
    double chanceLoss(int classes);

    /**
     * One raw output row as a prediction.
     *
     * @param names the class names (multi-class, binary: negative then positive), the labels
     *     (multi-label) or the target names (regression)
     */
    Prediction interpret(float[] row, List<String> names);

    /** The task's fields of {@code lamina-model.json} ({@code "task"}, threshold, target normalization). */
    Map<String, Object> toJson();

    /** The task's name in files and messages: {@code multi-class}, {@code binary}, ... */
    default String id() {
        return task().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads what {@link #toJson()} wrote; a file without {@code "task"} (written before tasks) is
     * multi-class.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static TaskSpec fromJson(Map<String, Object> m) {
        Object id = m.get("task");
        if (id == null) {
            return new MultiClass();
        }
        Model.Task task = null;
        for (Model.Task t : Model.Task.values()) {
            if (of(t).id().equals(id)) {
                task = t;
            }
        }
        if (task == null) {
            throw new IllegalArgumentException("\"task\" is " + id + ", not one of multi-class, binary, multi-label,"
                    + " regression");
        }
        return switch (task) {
            case MULTI_CLASS -> new MultiClass();
            case BINARY -> new Binary(threshold(m));
            case MULTI_LABEL -> new MultiLabel(threshold(m));
            case REGRESSION -> {
                try {
                    yield new Regression(TargetNormalization.fromJson(m.get("target_normalization")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"target_normalization\" is wrong: " + e.getMessage(), e);
                }
            }
        };
    }

    private static double threshold(Map<String, Object> m) {
        if (!(m.get("threshold") instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)) {
            throw new IllegalArgumentException("\"threshold\" is " + m.get("threshold") + ", not a number in (0, 1)");
        }
        return n.doubleValue();
    }

    /** Accumulates a task's metrics batch by batch, over one set. */
    interface Metrics {
        /**
         * Adds a batch: {@code size} raw output rows of the model's outputs each, and their labels
         * or targets as the batch held them.
         */
        void add(float[] outputs, int[] labels, float[] targets, int size);

        /** The metrics over everything added. */
        TaskMetrics result();
    }

    /** One class out of N: what Lamina always trained. */
    record MultiClass() implements TaskSpec {
        @Override
        public Model.Task task() {
            return Model.Task.MULTI_CLASS;
        }

        @Override
        public Loss loss() {
            return Loss.softmaxCrossEntropyLoss();
        }

        @Override
        public NDArray labels(NDManager m, int[] labels, float[] targets, int size, int outputs) {
            long[] out = new long[size];
            for (int i = 0; i < size; i++) {
                out[i] = labels[i];
                if (out[i] < 0 || out[i] >= outputs) {
                    throw new InvalidInputException("a batch holds label " + out[i] + ", outside the model's "
                            + outputs + " outputs (labels 0 to " + (outputs - 1) + "); the data does not match the"
                            + " model: fix the labels, or give the last layer more units");
                }
            }
            return m.create(out);
        }

        @Override
        public double correct(NDArray outputs, NDArray labels) {
            return outputs.argMax(1).toType(DataType.INT64, false).eq(labels).countNonzero().getLong();
        }

        @Override
        public Metrics metrics(int outputs) {
            return new Metrics() {
                private long right, all;

                @Override
                public void add(float[] out, int[] labels, float[] targets, int size) {
                    for (int i = 0; i < size; i++) {
                        int best = 0;
                        for (int j = 1; j < outputs; j++) {
                            if (out[i * outputs + j] > out[i * outputs + best]) {
                                best = j;
                            }
                        }
                        right += best == labels[i] ? 1 : 0;
                        all++;
                    }
                }

                @Override
                public TaskMetrics result() {
                    return TaskMetrics.accuracyOnly(all == 0 ? Double.NaN : (double) right / all);
                }
            };
        }

        @Override
        public String selectionMetric() {
            return "accuracy";
        }

        @Override
        public double chanceLoss(int classes) {
            return Math.log(Math.max(classes, 2));
        }

        @Override
        public Prediction interpret(float[] row, List<String> names) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double[] p = new double[row.length];
            double sum = 0;
            for (int i = 0; i < row.length; i++) {
                p[i] = Math.exp(row[i] - max);
                sum += p[i];
            }
            for (int i = 0; i < row.length; i++) {
                p[i] /= sum;
            }
            return new Prediction.Classes(List.copyOf(names), p);
        }

        @Override
        public Map<String, Object> toJson() {
            return new LinkedHashMap<>(Map.of("task", id()));
        }
    }

    /**
     * The tasks whose outputs are independent logits read at a threshold (binary, multi-label):
     * sigmoid binary cross-entropy on the logits, chosen on validation ROC AUC, ln 2 at chance.
     */
    sealed interface Thresholded extends TaskSpec permits Binary, MultiLabel {
        /** {@return the probability from which a label is predicted} */
        double threshold();

        @Override
        default Loss loss() {
            return Loss.sigmoidBinaryCrossEntropyLoss("SigmoidBinaryCrossEntropyLoss", 1, false);
        }

        @Override
        default String selectionMetric() {
            return "roc_auc";
        }

        @Override
        default double chanceLoss(int classes) {
            return Math.log(2);
        }

        @Override
        default Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", id());
            m.put("threshold", threshold());
            return m;
        }
    }

    /**
     * Yes or no: one logit; label 1 (the positive class) and 0. An image folder's positive class is
     * the second of its two class folders in sorted order.
     *
     * @param threshold the probability from which an example is predicted positive
     */
    record Binary(double threshold) implements Thresholded {
        public Binary {
            requireThreshold(threshold);
        }

        @Override
        public Model.Task task() {
            return Model.Task.BINARY;
        }


        @Override
        public NDArray labels(NDManager m, int[] labels, float[] targets, int size, int outputs) {
            float[] out = new float[size];
            for (int i = 0; i < size; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new InvalidInputException("a batch holds label " + labels[i] + ", but a binary model"
                            + " learns labels 0 and 1 (two classes); the data does not match the model: use data"
                            + " with two classes, or declare another task");
                }
                out[i] = labels[i];
            }
            return m.create(FloatBuffer.wrap(out), new Shape(size, 1), DataType.FLOAT32);
        }

        @Override
        public double correct(NDArray outputs, NDArray labels) {
            return sigmoidCorrect(outputs, labels, threshold);
        }

        @Override
        public Metrics metrics(int outputs) {
            return new ThresholdMetrics(1, threshold, true);
        }


        @Override
        public Prediction interpret(float[] row, List<String> names) {
            String negative = names.size() == 2 ? names.get(0) : "negative";
            String positive = names.size() == 2 ? names.get(1) : "positive";
            return new Prediction.Binary(negative, positive, Scores.sigmoid(row[0]), threshold);
        }

    }

    /**
     * Any subset of N labels: N independent logits, targets 0 or 1 per label.
     *
     * @param threshold the probability from which a label is predicted
     */
    record MultiLabel(double threshold) implements Thresholded {
        public MultiLabel {
            requireThreshold(threshold);
        }

        @Override
        public Model.Task task() {
            return Model.Task.MULTI_LABEL;
        }

        @Override
        public boolean usesTargets() {
            return true;
        }


        @Override
        public NDArray labels(NDManager m, int[] labels, float[] targets, int size, int outputs) {
            requireTargets(targets, size, outputs);
            return m.create(FloatBuffer.wrap(targets, 0, size * outputs), new Shape(size, outputs), DataType.FLOAT32);
        }

        @Override
        public double correct(NDArray outputs, NDArray labels) {
            return sigmoidCorrect(outputs, labels, threshold) / outputs.getShape().get(1);
        }

        @Override
        public Metrics metrics(int outputs) {
            return new ThresholdMetrics(outputs, threshold, false);
        }


        @Override
        public Prediction interpret(float[] row, List<String> names) {
            double[] p = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                p[i] = Scores.sigmoid(row[i]);
            }
            return new Prediction.Labels(List.copyOf(names), p, threshold);
        }

    }

    /**
     * N real values; the loss is the mean squared error on the targets standardized by {@code
     * normalization} (measured on the training split), the metrics are in the targets' units.
     */
    record Regression(TargetNormalization normalization) implements TaskSpec {
        @Override
        public Model.Task task() {
            return Model.Task.REGRESSION;
        }

        @Override
        public boolean usesTargets() {
            return true;
        }

        /** The same task with targets standardized by {@code normalization}. */
        public Regression withNormalization(TargetNormalization normalization) {
            return new Regression(normalization);
        }

        @Override
        public Loss loss() {
            return new L2Loss("MeanSquaredError", 1); // DJL's L2Loss is weight * (y - t)^2, mean over the batch
        }

        @Override
        public NDArray labels(NDManager m, int[] labels, float[] targets, int size, int outputs) {
            requireTargets(targets, size, outputs);
            normalization.requireWidth(outputs);
            float[] out = new float[size * outputs];
            for (int i = 0; i < out.length; i++) {
                out[i] = normalization.normalize(targets[i], i % outputs);
            }
            return m.create(FloatBuffer.wrap(out), new Shape(size, outputs), DataType.FLOAT32);
        }

        @Override
        public double correct(NDArray outputs, NDArray labels) {
            return Double.NaN;
        }

        @Override
        public Metrics metrics(int outputs) {
            return new RegressionMetrics(outputs, normalization);
        }

        @Override
        public String selectionMetric() {
            return "r2";
        }

        @Override
        public double chanceLoss(int classes) {
            return normalization.isNone() ? Double.POSITIVE_INFINITY : 1;
        }

        @Override
        public Prediction interpret(float[] row, List<String> names) {
            double[] v = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                v[i] = normalization.denormalize(row[i], i);
            }
            return new Prediction.Values(List.copyOf(names), v);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", id());
            m.put("target_normalization", normalization.toJson());
            return m;
        }
    }

    private static void requireThreshold(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new InvalidInputException("the threshold must be a probability in (0, 1), got " + threshold);
        }
    }

    private static void requireTargets(float[] targets, int size, int outputs) {
        if (targets == null || targets.length < size * outputs) {
            throw new InvalidInputException("a batch of " + size + " examples holds " + (targets == null ? "no"
                    : String.valueOf(targets.length)) + " targets, but the model has " + outputs + " outputs and"
                    + " needs " + (size * outputs) + "; the data does not match the model (use a manifest with one"
                    + " target per output)");
        }
    }

    /** Decisions right at the threshold: logit >= logit(threshold) against target >= 0.5. */
    private static double sigmoidCorrect(NDArray outputs, NDArray labels, double threshold) {
        float cut = (float) Math.log(threshold / (1 - threshold));
        NDArray predicted = outputs.gte(cut);
        NDArray actual = labels.reshape(outputs.getShape()).gte(0.5f);
        return predicted.eq(actual).countNonzero().getLong();
    }

    /** Binary and multi-label: counts at the threshold and ROC AUC, per label. */
    final class ThresholdMetrics implements Metrics {
        private final int outputs;
        private final double threshold;
        private final boolean binary;
        private final List<double[]> scores = new ArrayList<>();
        private final List<boolean[]> actual = new ArrayList<>();
        private int examples;

        ThresholdMetrics(int outputs, double threshold, boolean binary) {
            this.outputs = outputs;
            this.threshold = threshold;
            this.binary = binary;
        }

        @Override
        public void add(float[] out, int[] labels, float[] targets, int size) {
            double[] s = new double[size * outputs];
            boolean[] a = new boolean[size * outputs];
            for (int i = 0; i < s.length; i++) {
                s[i] = Scores.sigmoid(out[i]);
                a[i] = binary ? labels[i] == 1 : targets[i] >= 0.5f;
            }
            scores.add(s);
            actual.add(a);
            examples += size;
        }

        @Override
        public TaskMetrics result() {
            double[][] perLabel = new double[outputs][examples];
            boolean[][] truth = new boolean[outputs][examples];
            int row = 0;
            for (int b = 0; b < scores.size(); b++) {
                double[] s = scores.get(b);
                boolean[] a = actual.get(b);
                for (int i = 0; i < s.length / outputs; i++, row++) {
                    for (int j = 0; j < outputs; j++) {
                        perLabel[j][row] = s[i * outputs + j];
                        truth[j][row] = a[i * outputs + j];
                    }
                }
            }
            Scores.Counts counts = new Scores.Counts(0, 0, 0, 0);
            double aucSum = 0;
            int aucs = 0;
            for (int j = 0; j < outputs; j++) {
                boolean[] predicted = new boolean[examples];
                for (int i = 0; i < examples; i++) {
                    predicted[i] = perLabel[j][i] >= threshold;
                }
                counts = counts.plus(Scores.Counts.of(predicted, truth[j]));
                double auc = Scores.rocAuc(perLabel[j], truth[j]);
                if (!Double.isNaN(auc)) {
                    aucSum += auc;
                    aucs++;
                }
            }
            double auc = aucs == 0 ? Double.NaN : aucSum / aucs;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("precision", counts.precision());
            values.put("recall", counts.recall());
            values.put("f1", counts.f1());
            values.put("roc_auc", auc);
            return new TaskMetrics(counts.accuracy(), values, auc);
        }
    }

    /** Regression: MAE, RMSE in the targets' units and R^2, over all targets (R^2: mean over targets). */
    final class RegressionMetrics implements Metrics {
        private final int outputs;
        private final TargetNormalization normalization;
        private final List<float[]> predicted = new ArrayList<>();
        private final List<float[]> actual = new ArrayList<>();
        private int examples;

        RegressionMetrics(int outputs, TargetNormalization normalization) {
            this.outputs = outputs;
            this.normalization = normalization;
        }

        @Override
        public void add(float[] out, int[] labels, float[] targets, int size) {
            predicted.add(java.util.Arrays.copyOf(out, size * outputs));
            actual.add(java.util.Arrays.copyOf(targets, size * outputs));
            examples += size;
        }

        @Override
        public TaskMetrics result() {
            double[][] p = new double[outputs][examples];
            double[][] a = new double[outputs][examples];
            int row = 0;
            for (int b = 0; b < predicted.size(); b++) {
                float[] pb = predicted.get(b);
                float[] ab = actual.get(b);
                for (int i = 0; i < pb.length / outputs; i++, row++) {
                    for (int j = 0; j < outputs; j++) {
                        p[j][row] = normalization.denormalize(pb[i * outputs + j], j);
                        a[j][row] = ab[i * outputs + j];
                    }
                }
            }
            double[] allP = new double[outputs * examples];
            double[] allA = new double[outputs * examples];
            double r2 = 0;
            for (int j = 0; j < outputs; j++) {
                System.arraycopy(p[j], 0, allP, j * examples, examples);
                System.arraycopy(a[j], 0, allA, j * examples, examples);
                r2 += Scores.r2(p[j], a[j]);
            }
            r2 /= outputs;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("mae", Scores.mae(allP, allA));
            values.put("rmse", Scores.rmse(allP, allA));
            values.put("r2", r2);
            return new TaskMetrics(Double.NaN, values, r2);
        }
    }
}
