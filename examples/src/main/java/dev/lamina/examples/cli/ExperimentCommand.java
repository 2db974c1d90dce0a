package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.Experiment;
import dev.lamina.examples.experiment.ExperimentFamily;
import dev.lamina.examples.experiment.ExperimentPlan;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.train.LearningRateSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

/** {@code lamina experiment}: the dropout experiment, the project's main job. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The dropout experiment: train the model family, compare test accuracy.",
        description = {
            "Trains Plain, DropoutBetweenConvs10..50, SpatialDropoutConvs,",
            "BatchNormConvs, BatchNormFcDropout (and, on (Fashion-)MNIST, seed article",
            "001's Seed001MnistCnn and Seed001MnistCnnBn) with one budget (same seeds,",
            "epochs, batch size, learning rate and data) and writes results.md,",
            "accuracy.png, runs.csv and runs.json to --out.",
            "",
            "Presets (any flag below overrides its preset value):",
            "  default  " + ExperimentCommand.DEFAULT_DESCRIPTION,
            "  --full   " + ExperimentCommand.FULL_DESCRIPTION,
            ""
        })
final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final String DEFAULT_DESCRIPTION =
            "1 seed, 3 epochs, 10000 training images: 5 min on 2 CPU cores";
    static final String FULL_DESCRIPTION =
            "3 seeds, 4 epochs, 20000 training images: 42 min on 2 CPU cores";

    @Option(names = "--full", description = "Use the full preset (the one behind docs/results).")
    boolean full;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N.")
    Integer seeds;

    @Option(names = "--seed-list", paramLabel = "S", split = ",",
            description = "Explicit seeds, e.g. 7,8,9 (overrides --seeds).")
    List<Long> seedList;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run.")
    Integer epochs;

    @Option(names = "--subset", paramLabel = "N",
            description = "Train on a stratified subset of N training images (0 = all);"
                    + " the test set is always whole.")
    Integer subset;

    private static final String DEFAULT_BATCH_SIZE = "64";
    private static final String DEFAULT_LR = "0.001";

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = DEFAULT_BATCH_SIZE,
            description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = DEFAULT_LR,
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
            description = "constant, cosine or cosine:W (warm-up fraction W), as for"
                    + " `lamina train` (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--models", paramLabel = "A,B", split = ",",
            description = "Only these models (default: the whole family).")
    List<String> models;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: runs/experiment-<timestamp>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        DatasetKind dataset = data.dataset();
        ExperimentPlan plan = plan(dataset);
        new Experiment(plan, name -> ModelCatalog.resolveIn(name, ModelCatalog.packageFor(dataset)),
                ExperimentFamily.forDataset(dataset), CliOutput.stdout(spec)).run();
        return LaminaCli.OK;
    }

    ExperimentPlan plan(DatasetKind dataset) {
        boolean custom = seeds != null || seedList != null || epochs != null || subset != null
                || models != null || batchSize != Integer.parseInt(DEFAULT_BATCH_SIZE)
                || learningRate != Float.parseFloat(DEFAULT_LR)
                || LearningRateSchedule.parse(schedule).kind() != LearningRateSchedule.Kind.CONSTANT;
        String preset = (full ? "full" : "default") + (custom ? " (customized by flags)" : "");
        int presetSeeds = full ? 3 : 1;
        List<Long> seedValues = seedList != null ? seedList
                : LongStream.rangeClosed(1, seeds != null ? seeds : presetSeeds).boxed().toList();
        int epochCount = epochs != null ? epochs : full ? 4 : 3;
        int trainSubset = subset != null ? subset : full ? 20_000 : 10_000;
        Path dir = out != null ? out : Path.of("runs", "experiment-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new ExperimentPlan(preset,
                models != null ? models : ExperimentFamily.forDataset(dataset).models(), seedValues,
                new TrainingBackend.Budget(epochCount, batchSize, learningRate,
                        LearningRateSchedule.parse(schedule), device.device()),
                trainSubset, dataset, data.dir(), dir);
    }
}
