package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.RunRecord;
import dev.lamina.examples.experiment.RunsFiles;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.DataSplits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lamina train MODEL}: trains one model and reports its test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Train one model and report its test accuracy.",
        description = "Prints the model's summary, per-epoch progress and the final test accuracy,"
                + " and writes checkpoints and the history to --out.")
final class TrainCommand implements Callable<Integer> {
    /** The model trained when the jar runs with no arguments. */
    static final String DEFAULT_MODEL = "FashionCnn";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "@Model class or generated Net class, e.g. FashionCnn or PlainNet.")
    String model;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Passes over the training set.")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Examples per step.")
    int batchSize;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.001", description = "Adam learning rate.")
    float learningRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Fixes initialization, data order and augmentation.")
    long seed;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the history and checkpoints go (default: runs/train-<MODEL>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose checkpoints are in DIR.")
    Path resume;

    @Option(names = "--augment",
            description = "Random crop with padding and horizontal flip during training.")
    boolean augment;

    @Override
    public Integer call() throws Exception {
        PrintStream stdout = new PrintStream(System.out, true);
        GeneratedNet net = ModelCatalog.resolve(model);
        if (resume != null || augment) {
            throw new IllegalArgumentException("--resume and --augment need the runtime's"
                    + " checkpoint and augmentation support, which this build does not have yet");
        }
        Path dir = out != null ? out : Path.of("runs", "train-" + net.name());
        stdout.println(net.summary());
        DataSplits splits = TrainingBackend.load(data.dataset(), data.dir(), 0);
        stdout.printf(Locale.ROOT, "Training %s on %s (%d training, %d test images), %d epoch(s),"
                        + " batch %d, Adam lr %s, seed %d, device %s%n", net.name(),
                data.dataset().id(), splits.train().size(), splits.test().size(), epochs,
                batchSize, learningRate, seed, device.device());
        RunRecord run = TrainingBackend.train(net, splits,
                new TrainingBackend.Budget(epochs, batchSize, learningRate, device.device()), seed,
                stdout);
        Files.createDirectories(dir);
        RunsFiles.writeCsv(java.util.List.of(run), dir.resolve("history.csv"));
        stdout.printf(Locale.ROOT, "Final test accuracy: %.4f (best %.4f at epoch %d). History:"
                        + " %s%n", run.finalTestAccuracy(),
                run.epochs().get(run.bestEpoch() - 1).testAccuracy(), run.bestEpoch(),
                dir.resolve("history.csv"));
        return LaminaCli.OK;
    }
}
