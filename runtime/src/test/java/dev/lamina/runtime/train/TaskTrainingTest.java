package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.TargetSet;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.task.TargetNormalization;
import dev.lamina.runtime.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary, multi-label and regression models train on their loss and are measured by their metrics. */
class TaskTrainingTest {

    @TempDir
    Path dir;

    @Test
    void aBinaryModelLearnsOneLogitAndIsChosenOnRocAuc() throws Exception {
        LabeledImages train = Fixtures.leftRight("train", 256, 1);
        LabeledImages validation = Fixtures.leftRight("validation", 64, 2);
        LabeledImages test = Fixtures.leftRight("test", 64, 3);
        TrainingResult result = new Trainer(Fixtures.quick().task(new TaskSpec.Binary(0.5)).outputDir(dir).build())
                .fit(Fixtures.smallCnn(1), Fixtures.INPUT, train, validation, test);
        assertTrue(result.testAccuracy() > 0.9, "accuracy " + result.testAccuracy());
        assertTrue(result.testMetrics().get("roc_auc") > 0.95, result.testMetrics().toString());
        assertEquals(result.history().get(result.bestEpoch() - 1).evalMetrics().get("roc_auc"), result.bestAccuracy());
        String csv = Files.readString(dir.resolve(HistoryFiles.CSV));
        assertTrue(csv.startsWith("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds,"
                + "images_per_second,learning_rate,validation_precision,validation_recall,validation_f1,"
                + "validation_roc_auc\n"), csv);
    }

    @Test
    void aBinaryModelRefusesThreeClassesAndTwoOutputs() {
        LabeledImages two = Fixtures.leftRight("two", 64, 1);
        LabeledImages three = new LabeledImages("three", 1, 8, 8, 3, two.images(), two.labels());
        Trainer trainer = new Trainer(Fixtures.quick().task(new TaskSpec.Binary(0.5)).build());
        InvalidInputException classes = assertThrows(InvalidInputException.class,
                () -> trainer.fit(Fixtures.smallCnn(1), Fixtures.INPUT, three, two));
        assertTrue(classes.getMessage().contains("has 3 classes, but a binary model learns two classes"),
                classes.getMessage());
        InvalidInputException outputs = assertThrows(InvalidInputException.class,
                () -> trainer.fit(Fixtures.smallCnn(2), Fixtures.INPUT, two, two));
        assertTrue(outputs.getMessage().contains("give the last layer 1 unit"), outputs.getMessage());
    }

    @Test
    void aMultiLabelModelLearnsIndependentLabels() {
        // labels: "left bright", "right bright", "always": the third is 1 for every example
        TargetSet train = tags(Fixtures.leftRight("train", 256, 1));
        TargetSet test = tags(Fixtures.leftRight("test", 64, 3));
        TrainingResult result = new Trainer(Fixtures.quick().task(new TaskSpec.MultiLabel(0.5)).build())
                .fit(Fixtures.smallCnn(3), Fixtures.INPUT, train, test);
        assertTrue(result.testAccuracy() > 0.9, "accuracy " + result.testAccuracy());
        assertTrue(result.testMetrics().get("f1") > 0.9, result.testMetrics().toString());
        // the third label has one class only, so the macro ROC AUC is over the other two
        assertTrue(result.testMetrics().get("roc_auc") > 0.95, result.testMetrics().toString());
    }

    @Test
    void aRegressionModelLearnsStandardizedTargetsAndReportsTheirUnits() {
        // target: 100 + 50 * (mean of the right half - mean of the left half), in "units" far from 0 and 1
        TargetSet train = contrast(Fixtures.leftRight("train", 256, 1));
        TargetSet test = contrast(Fixtures.leftRight("test", 64, 3));
        TaskSpec.Regression task = new TaskSpec.Regression(TargetNormalization.of(train.targets(), 1, train.name()));
        TrainingResult result = new Trainer(Fixtures.quick().epochs(3).task(task).build())
                .fit(Fixtures.smallCnn(1), Fixtures.INPUT, train, test);
        assertTrue(result.testMetrics().get("r2") > 0.8, result.testMetrics().toString());
        assertTrue(Double.isNaN(result.testAccuracy()));
        // the MAE is in the targets' units: a model predicting the mean would be off by about 25
        assertTrue(result.testMetrics().get("mae") < 12, result.testMetrics().toString());
        InvalidInputException labels = assertThrows(InvalidInputException.class, () -> new Trainer(
                Fixtures.quick().task(task).build()).fit(Fixtures.smallCnn(1), Fixtures.INPUT,
                Fixtures.leftRight("labels", 64, 1), test));
        assertTrue(labels.getMessage().contains("has one class label per example, but the regression model"),
                labels.getMessage());
    }

    static TargetSet tags(LabeledImages images) {
        float[] targets = new float[images.size() * 3];
        for (int i = 0; i < images.size(); i++) {
            targets[i * 3] = images.labels()[i] == 0 ? 1 : 0;
            targets[i * 3 + 1] = images.labels()[i] == 1 ? 1 : 0;
            targets[i * 3 + 2] = 1;
        }
        return new TargetSet(images, List.of("left", "right", "always"), targets);
    }

    static TargetSet contrast(LabeledImages images) {
        float[] targets = new float[images.size()];
        for (int i = 0; i < images.size(); i++) {
            double left = 0, right = 0;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    double v = images.images()[i * 64 + y * 8 + x];
                    if (x < 4) left += v; else right += v;
                }
            }
            targets[i] = (float) (100 + 50 * (right - left) / 32);
        }
        return new TargetSet(images, List.of("contrast"), targets);
    }
}
