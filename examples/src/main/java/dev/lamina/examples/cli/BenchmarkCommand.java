package dev.lamina.examples.cli;

import dev.lamina.examples.benchmark.HandWrittenFashionCnn;
import dev.lamina.examples.benchmark.SpeedBenchmark;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.image.ImageFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lamina benchmark}: generated FashionCnnNet vs the same network written by hand. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PredictBenchmarkCommand.class, BenchmarkTrainCommand.class},
        showDefaultValues = true, defaultValueProvider = TrainingOptions.StandardDefaults.class,
        header = "Speed of the generated FashionCnnNet vs the same by hand.",
        description = "Train the generated FashionCnnNet and the same network written by hand"
                + " with DJL blocks, in one process on the same batches, and print images/s for"
                + " each, their ratio (target: generated >= 0.98x hand-written) and the data"
                + " pipeline's share of step time. Each batch is trained by both networks back to"
                + " back, alternating which goes first; images/s comes from the median step time."
                + " Two rounds with fresh networks, each network built first in one of them, cancel"
                + " the slot bias. `lamina benchmark predict MODEL_DIR` measures inference instead, and"
                + " `lamina benchmark train` training against the machine's fp32 peak.")
final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // --batch-size and --seed take their defaults from TrainingSettings.DEFAULTS, as in `lamina train`
    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step.")
    int batchSize;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20",
            description = "Untimed steps per network at the start of each round.")
    int warmup;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "200",
            description = "Timed steps per network, half in each round; the networks alternate"
                    + " on each batch.")
    int batches;

    @Option(names = "--seed", paramLabel = "N",
            description = "Initialization and batch order.")
    long seed;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST directory. Default: /usr/share/datasets/fashion-mnist.")
    java.nio.file.Path dir;

    @Option(names = "--image-folder", paramLabel = "DIR",
            description = "Read the batches from this image folder instead, decoded from disk while"
                    + " training (docs/data.md), at --image-shape.")
    java.nio.file.Path imageFolder;

    @Option(names = "--image-shape", paramLabel = "C,H,W", defaultValue = "1,28,28", split = ",",
            description = "With --image-folder: the input the folder's images are converted to;"
                    + " FashionCnn's layers adapt to it.")
    int[] imageShape;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        PrintStream out = CliOutput.stdout(spec);
        if (batchSize < 1 || warmup < 0 || batches < 2) {
            throw new InvalidInputException("--batch-size must be at least 1, --warmup 0 or"
                    + " more and --batches at least 2; got " + batchSize + ", " + warmup + ", " + batches);
        }
        device.choice();
        GeneratedNet net = ModelCatalog.resolve("FashionCnn");
        DataSplits data = imageFolder == null ? TrainingBackend.load(DatasetKind.FASHION_MNIST, dir, 0)
                : folder();
        SpeedBenchmark.Settings settings = new SpeedBenchmark.Settings(batchSize, warmup, batches,
                device.device(), seed);
        out.printf(Locale.ROOT, "Benchmark: %s vs hand-written DJL blocks, batch %d, %d warm-up steps"
                        + " per round + %d timed steps each, device %s, %d CPU cores%n",
                net.netClass().getSimpleName(), batchSize, warmup, batches, device.device(),
                Runtime.getRuntime().availableProcessors());
        SpeedBenchmark.Report report = SpeedBenchmark.run(net::newBlock,
                HandWrittenFashionCnn::newBlock, data.train(), settings, out);
        for (SpeedBenchmark.Measurement m : new SpeedBenchmark.Measurement[] {
            report.generated(), report.handWritten()}) {
            out.printf(Locale.ROOT, "%-12s %8.1f images/s (median step %.1f ms)   data pipeline"
                            + " %.1f%% of step time%n", m.label(), m.imagesPerSecond(),
                    1000 * m.medianStepSeconds(), 100 * m.dataShare());
        }
        out.printf(Locale.ROOT, "ratio generated / hand-written: %.3f (target >= 0.98): %s%n",
                report.ratio(), report.ratio() >= 0.98 ? "PASS" : "BELOW TARGET");
        return LaminaCli.OK;
    }

    private DataSplits folder() {
        if (imageShape.length != 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--image-shape takes C,H,W, e.g. 3,64,64");
        }
        return ImageFolders.load(imageFolder, imageShape[0], imageShape[1], imageShape[2]).splits();
    }
}
