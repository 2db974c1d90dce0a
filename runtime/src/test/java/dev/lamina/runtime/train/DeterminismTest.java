package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.LabeledImages;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same thread count: the same losses, bit for bit, however loaded the machine is. The
 * runs use every random stream a run has (initialization, data order, augmentation on the prefetch
 * thread, dropout masks in the engine) while another thread keeps a core busy.
 */
class DeterminismTest {
    private static final LabeledImages TRAIN = Fixtures.leftRight("train", 256, 1);
    private static final LabeledImages TEST = Fixtures.leftRight("test", 64, 2);

    @Test
    void twoRunsWithTheSameSeedGiveIdenticalLossesUnderLoad() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong spins = new AtomicLong();
        Thread busy = new Thread(() -> {
            double x = 1;
            while (!stop.get()) {
                for (int i = 0; i < 100_000; i++) {
                    x = Math.sin(x) + 1.000001;
                }
                spins.incrementAndGet();
            }
        }, "busy");
        busy.start();
        try {
            List<Double> first = losses(run());
            List<Double> second = losses(run());
            assertEquals(first, second, "same seed, same losses");
        } finally {
            stop.set(true);
            busy.join();
        }
        assertTrue(spins.get() > 0, "the busy thread ran alongside");
    }

    private static TrainingResult run() {
        TrainingConfig config = Fixtures.quick().epochs(2).augmentation(new Augmentation(2, false)).build();
        Block block = Fixtures.smallCnn(2).add(Dropout.builder().optRate(0.3f).build());
        return new Trainer(config).fit(block, Fixtures.INPUT, TRAIN, TEST);
    }

    /** Training and evaluation losses of every epoch, as exact doubles. */
    private static List<Double> losses(TrainingResult result) {
        return result.history().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.evalLoss(), e.evalAccuracy()))
                .toList();
    }
}
