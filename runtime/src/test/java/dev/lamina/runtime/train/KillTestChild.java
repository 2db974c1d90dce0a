package dev.lamina.runtime.train;

import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link KillTest} starts and kills: trains the tiny CNN of the tests on tiny synthetic
 * data into {@code args[0]} for {@code args[1]} epochs, resuming from the directory's {@code last}
 * checkpoint when there is one, and prints a line after every epoch (before its checkpoint is
 * written, so a kill right after the line lands in the middle of the save).
 */
public final class KillTestChild {

    private KillTestChild() {}

    /** {@code <out dir> <epochs>}. */
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        LabeledImages train = Fixtures.leftRight("train", 96, 1);
        LabeledImages validation = Fixtures.leftRight("val", 32, 3);
        LabeledImages test = Fixtures.leftRight("test", 32, 2);
        TrainingConfig.Builder config = Fixtures.quick().epochs(epochs).batchSize(16).learningRate(0.003f)
                .progress(System.out);
        if (Files.exists(out.resolve("last.json"))) {
            config.resumeFrom(out);
        } else {
            config.outputDir(out);
        }
        new Trainer(config.build()).fit(Fixtures.smallCnn(2), Fixtures.INPUT, train, validation, test);
        System.out.println("done");
    }
}
