package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose loss explodes without becoming NaN (issue 15, failure 7): {@code --lr 1000} trained to
 * a loss of 7.7e9 at chance accuracy and ended as a success with {@code best} and {@code last}
 * written. A training loss more than {@link TrainingRun#EXPLOSION_FACTOR} times the loss of a
 * uniform guess now stops the run like a NaN does.
 */
class LossExplosionTest {

    private static final LabeledImages TRAIN = Fixtures.leftRight("train", 256, 1);
    private static final LabeledImages VALIDATION = Fixtures.leftRight("val", 32, 3);
    private static final LabeledImages TEST = Fixtures.leftRight("test", 64, 2);

    @TempDir
    Path dir;

    @Test
    void anExplodingLossStopsTheRunAndNoBestIsWrittenFromIt() {
        TrainingConfig config = Fixtures.quick().epochs(3).learningRate(1000f).outputDir(dir).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> new Trainer(config)
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, VALIDATION, TEST));

        assertTrue(e.getMessage().startsWith("training diverged: the training loss, more than 100 times the 0.69 of"
                + " a uniform guess over 2 classes, is "), e.getMessage());
        assertEquals(1, e.epoch(), e.getMessage());
        assertFalse(Files.exists(dir.resolve("best.json")), "no best checkpoint from an exploded run");
    }

    @Test
    void theLimitIsAHundredTimesTheChanceLoss() {
        assertEquals(100 * Math.log(10), TrainingRun.explosionLimit(10), 1e-9);
        assertEquals(100 * Math.log(2), TrainingRun.explosionLimit(2), 1e-9);
    }

    @Test
    void anOrdinaryRateIsNotAnExplosion() {
        TrainingResult result = new Trainer(Fixtures.quick().epochs(1).learningRate(0.05f).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, VALIDATION, TEST);
        assertEquals(1, result.history().size());
    }
}
