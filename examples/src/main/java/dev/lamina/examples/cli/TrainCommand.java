package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lamina train MODEL}: trains one model and reports its test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Train one model and report its test accuracy.",
        description = "Prints the model's summary, per-epoch progress and the final test accuracy,"
                + " and writes checkpoints (last and best) and the history (CSV, JSON, PNG) to"
                + " --out.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The model trained when the jar runs with no arguments. */
    static final String DEFAULT_MODEL = "FashionCnn";

    @Parameters(index = "0", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "@Model class or generated Net class, e.g. FashionCnn or PlainNet.")
    String model;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2",
            description = "Passes over the training set (a resumed run ends at the same total).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Examples per step.")
    int batchSize;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.001",
            description = "Adam learning rate.")
    float learningRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Fixes initialization, data order and augmentation.")
    long seed;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where checkpoints and history go (default: runs/train-<MODEL>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose checkpoints are in DIR (writes there too unless"
                    + " --out is given).")
    Path resume;

    @Option(names = "--augment",
            description = "Random crop with padding (and horizontal flip where it makes sense)"
                    + " during training.")
    boolean augment;

    @Override
    public Integer call() {
        PrintStream stdout = CliOutput.stdout(spec);
        GeneratedNet net = ModelCatalog.resolve(model);
        Path dir = out != null ? out : resume != null ? resume : Path.of("runs", "train-" + net.name());
        stdout.println(net.summary());
        DataSplits splits = TrainingBackend.load(data.dataset(), data.dir(), 0);
        stdout.printf(Locale.ROOT, "Training %s on %s (%d training, %d test images), %d epoch(s),"
                        + " batch %d, Adam lr %s, seed %d%s -> %s%n", net.name(),
                data.dataset().id(), splits.train().size(), splits.test().size(), epochs,
                batchSize, learningRate, seed, augment ? ", augmented" : "", dir);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(epochs).batchSize(batchSize).learningRate(learningRate).seed(seed)
                .device(DeviceChoice.parse(device.device()))
                .outputDir(dir).resumeFrom(resume)
                .augmentation(augment ? Augmentation.standard(data.dataset()) : Augmentation.NONE)
                .progress(stdout)
                .build();
        TrainingResult result = new Trainer(config)
                .fit(net.newBlock(), net.inputShape(), splits.train(), splits.test());
        stdout.printf(Locale.ROOT, "Final test accuracy: %.4f (best %s accuracy %.4f at epoch %d)."
                        + " Checkpoints and history: %s%n", result.testAccuracy(),
                result.evalName(), result.bestAccuracy(), result.bestEpoch(), dir);
        return LaminaCli.OK;
    }
}
