package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.LabeledImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A model with more outputs than the data has classes, or data of one class, trains with a
 * warning (issue 21 item 13): a 10-output model on a 3-class folder and a one-class folder trained
 * (the latter to accuracy 1.0) without a word.
 */
class ClassWarningTest {

    private static String trainLog(int outputs, LabeledImages train, LabeledImages test) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(Fixtures.quick().epochs(1).progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(outputs), Fixtures.INPUT, train, test);
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void moreOutputsThanClassesWarnsNamingTheUnusedOnes() {
        String log = trainLog(10, Fixtures.leftRight("train", 64, 1), Fixtures.leftRight("test", 16, 2));
        assertTrue(log.contains("warning: the model has 10 outputs but the training set 'train' has 2 classes, so"
                + " outputs 2 to 9 are never a target"), log);
    }

    @Test
    void oneClassWarnsThatAccuracyMeansNothing() {
        LabeledImages two = Fixtures.leftRight("train", 64, 1);
        int[] labels = new int[two.size()];
        LabeledImages one = new LabeledImages("one", two.channels(), two.height(), two.width(), 1, two.images(), labels);
        String log = trainLog(2, one, one);
        assertTrue(log.contains("warning: the training set 'one' has one class only"), log);
    }

    @Test
    void matchingClassesGiveNoWarning() {
        String log = trainLog(2, Fixtures.leftRight("train", 64, 1), Fixtures.leftRight("test", 16, 2));
        assertTrue(!log.contains("warning:"), log);
    }
}
