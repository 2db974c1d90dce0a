package dev.lamina.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task metrics against computations by hand on small fixtures. */
class ScoresTest {

    @Test
    void rocAucIsTheFractionOfPositiveNegativePairsRankedRightTiesHalf() {
        // positives score 0.9, 0.4, 0.6; negatives 0.1, 0.4, 0.8
        double[] scores = {0.9, 0.1, 0.4, 0.4, 0.6, 0.8};
        boolean[] positive = {true, false, true, false, true, false};
        // pairs (p, n): 0.9 beats all 3; 0.4 beats 0.1, ties 0.4 (1/2), loses to 0.8; 0.6 beats 0.1 and 0.4
        double byHand = (3 + 1.5 + 2) / 9.0;
        assertEquals(byHand, Scores.rocAuc(scores, positive), 1e-12);
        assertEquals(1.0, Scores.rocAuc(new double[] {0.1, 0.9}, new boolean[] {false, true}), 0);
        assertTrue(Double.isNaN(Scores.rocAuc(new double[] {0.1, 0.9}, new boolean[] {true, true})));
    }

    @Test
    void countsGivePrecisionRecallAndF1() {
        Scores.Counts c = Scores.Counts.of(new boolean[] {true, true, true, false, false},
                new boolean[] {true, false, true, true, false});
        assertEquals(new Scores.Counts(2, 1, 1, 1), c);
        assertEquals(2.0 / 3, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertEquals(2.0 / 3, c.f1(), 1e-12);
        assertEquals(3.0 / 5, c.accuracy(), 1e-12);
        assertEquals(0, Scores.Counts.of(new boolean[] {false}, new boolean[] {true}).precision());
    }

    @Test
    void regressionErrorsAndR2ByHand() {
        double[] actual = {1, 2, 3, 4};
        double[] predicted = {1.5, 2, 2, 4};
        assertEquals((0.5 + 0 + 1 + 0) / 4, Scores.mae(predicted, actual), 1e-12);
        assertEquals(Math.sqrt((0.25 + 1) / 4), Scores.rmse(predicted, actual), 1e-12);
        // SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5; SS_res = 1.25
        assertEquals(1 - 1.25 / 5, Scores.r2(predicted, actual), 1e-12);
    }

    @Test
    void binaryMetricsAccumulateOverBatchesAsOneSet() {
        TaskSpec.Binary task = new TaskSpec.Binary(0.5);
        TaskSpec.Metrics metrics = task.metrics(1);
        // logits: sigmoid >= 0.5 exactly when the logit >= 0
        metrics.add(new float[] {2f, -1f, 0.5f}, new int[] {1, 0, 0}, null, 3);
        metrics.add(new float[] {-3f, 1f}, new int[] {1, 1}, null, 2);
        TaskMetrics m = metrics.result();
        // predicted 1,0,1,0,1 against 1,0,0,1,1: tp 2, fp 1, tn 1, fn 1
        assertEquals(3.0 / 5, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.get("precision"), 1e-12);
        assertEquals(2.0 / 3, m.get("recall"), 1e-12);
        // positives' logits 2, -3, 1 against negatives' -1, 0.5: (2>both) 2 + (-3) 0 + (1>both) 2 = 4 of 6
        assertEquals(4.0 / 6, m.get("roc_auc"), 1e-12);
        assertEquals(m.get("roc_auc"), m.selection());
        assertEquals(List.of("precision", "recall", "f1", "roc_auc"), List.copyOf(m.values().keySet()));
    }

    @Test
    void regressionMetricsAreInTheTargetsUnits() {
        TargetNormalization norm = new TargetNormalization(new double[] {10}, new double[] {2});
        TaskSpec.Regression task = new TaskSpec.Regression(norm);
        TaskSpec.Metrics metrics = task.metrics(1);
        // standardized outputs 0, 1, -1 are 10, 12, 8 in the targets' units
        metrics.add(new float[] {0f, 1f, -1f}, null, new float[] {11f, 12f, 7f}, 3);
        TaskMetrics m = metrics.result();
        assertEquals(Scores.mae(new double[] {10, 12, 8}, new double[] {11, 12, 7}), m.get("mae"), 1e-9);
        assertEquals(Scores.r2(new double[] {10, 12, 8}, new double[] {11, 12, 7}), m.selection(), 1e-9);
        assertTrue(Double.isNaN(m.accuracy()));
        assertEquals(12.0, ((Prediction.Values) task.interpret(new float[] {1f}, List.of("y"))).values()[0], 1e-9);
    }

    @Test
    void theSavedFieldsReadBackAndAWrongOneIsNamed() {
        TaskSpec regression = new TaskSpec.Regression(new TargetNormalization(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(regression, TaskSpec.fromJson(regression.toJson()));
        assertEquals(new TaskSpec.MultiLabel(0.3), TaskSpec.fromJson(new TaskSpec.MultiLabel(0.3).toJson()));
        assertEquals(new TaskSpec.MultiClass(), TaskSpec.fromJson(Map.of()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskSpec.fromJson(Map.of("task", "binary", "threshold", 1.5)));
        assertTrue(e.getMessage().startsWith("\"threshold\" is 1.5"), e.getMessage());
    }

    @Test
    void theLossesTakeLogitsInTheirStableForm() {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            TaskSpec.Binary task = new TaskSpec.Binary(0.5);
            // a logit of 100 for a negative example: -log(1 - sigmoid(100)) = 100 (finite, not log(0))
            ai.djl.ndarray.NDArray logits = m.create(new float[] {100f, -2f}, new ai.djl.ndarray.types.Shape(2, 1));
            ai.djl.ndarray.NDArray labels = task.labels(m, new int[] {0, 1}, null, 2, 1);
            double loss = task.loss().evaluate(new ai.djl.ndarray.NDList(labels), new ai.djl.ndarray.NDList(logits)).getFloat();
            double byHand = (100 + Math.log1p(Math.exp(-100))) / 2 + Math.log1p(Math.exp(2)) / 2;
            assertEquals(byHand, loss, 1e-4);
            TaskSpec.Regression regression = new TaskSpec.Regression(TargetNormalization.NONE);
            ai.djl.ndarray.NDArray values = m.create(new float[] {1f, 3f}, new ai.djl.ndarray.types.Shape(2, 1));
            ai.djl.ndarray.NDArray targets = regression.labels(m, null, new float[] {2f, 1f}, 2, 1);
            assertEquals((1 + 4) / 2.0, regression.loss().evaluate(new ai.djl.ndarray.NDList(targets),
                    new ai.djl.ndarray.NDList(values)).getFloat(), 1e-6);
        }
    }
}
