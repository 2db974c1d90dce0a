package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.Experiment;
import dev.lamina.examples.experiment.ExperimentFamily;
import dev.lamina.examples.experiment.ExperimentPlan;
import dev.lamina.examples.experiment.RunScheduler;
import dev.lamina.examples.experiment.SweepTask;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.TrainingSettings;
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
        showDefaultValues = true, defaultValueProvider = ExperimentCommand.PresetDefaults.class,
        header = "The dropout experiment, the main job: compare test accuracy.",
        description = {
            "Trains Plain, DropoutBetweenConvs10..50, SpatialDropoutConvs, BatchNormConvs,",
            "BatchNormFcDropout (and, on (Fashion-)MNIST, seed article 001's Seed001MnistCnn",
            "and Seed001MnistCnnBn) with one budget (same seeds, epochs, batch size, learning",
            "rate and data) and writes results.md, accuracy.png, runs.csv and runs.json to",
            "--out.",
            "",
            "Presets (a flag overrides its preset value; the defaults shown are the default",
            "preset's):",
            "  default  " + ExperimentCommand.DEFAULT_DESCRIPTION,
            "  --full   " + ExperimentCommand.FULL_DESCRIPTION,
            "Times measured on 2 AMD EPYC cores on 2026-11-24 (quiet for the default preset,",
            "partly shared with builds for --full); a loaded machine takes much longer: the",
            "experiment prints the machine, its load and an ETA.",
            "Both train with Adam at a constant rate of 0.001 (the setting docs/results were",
            "measured with), not `lamina train`'s cosine schedule.",
            ""
        })
final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final String DEFAULT_DESCRIPTION =
            "1 seed, 3 epochs, 10000 training images: 5 min 5 s";
    static final String FULL_DESCRIPTION =
            "3 seeds, 4 epochs, 20000 training images: 42 min 27 s";

    /**
     * The default preset's training settings: {@link TrainingSettings#DEFAULTS} with 3 epochs and
     * Adam at a constant 0.001 from seed 1, the budget behind docs/results (the experiment
     * compares models under one fixed budget; it does not tune the rate).
     */
    static final TrainingSettings DEFAULT_PRESET = new TrainingSettings(3,
            TrainingSettings.DEFAULTS.batchSize(), 0.001f, LearningRateSchedule.constant(), 0f, 1, 0, 0);
    /** The full preset: the default one with 4 epochs. */
    static final TrainingSettings FULL_PRESET = DEFAULT_PRESET.withEpochs(4);

    /** Shows the default preset's values as the options' defaults. */
    static final class PresetDefaults extends TrainingOptions.Defaults {
        PresetDefaults() {
            super(DEFAULT_PRESET);
        }
    }

    @Option(names = "--full", description = "Use the full preset (the one behind docs/results).")
    boolean full;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Number of seeds: --seed, --seed + 1, ... (presets: 1 and 3).")
    Integer seeds;

    @Option(names = "--seed-list", paramLabel = "S", split = ",",
            description = "Explicit seeds, e.g. 7,8,9 (overrides --seed and --seeds).")
    List<Long> seedList;

    @Mixin
    TrainingOptions training;

    @Option(names = "--subset", paramLabel = "N",
            description = "Train on a stratified subset of N training images (0 = all; presets:"
                    + " 10000 and 20000); the test set is always whole.")
    Integer subset;

    @Option(names = "--models", paramLabel = "A,B", split = ",",
            description = "Only these models (default: the whole family).")
    List<String> models;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory; must not hold an experiment already (default:"
                    + " runs/experiment-<timestamp>).")
    Path out;

    @Option(names = "--resume",
            description = "Continue the experiment in --out: runs complete there are read back, not"
                    + " trained again; an interrupted run continues from its last checkpoint. The"
                    + " options must give the same plan.")
    boolean resume;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run each (model, seed) run as one Spark task: local[N], spark://HOST:PORT,"
                    + " yarn, k8s://..., or 'submit' for the master spark-submit set. Needs Spark on the"
                    + " class path (./lamina adds it). Without --spark the runs train one after the"
                    + " other in this JVM (docs/scale-out.md).")
    String spark;

    @Option(names = "--runs-uri", paramLabel = "URI",
            description = "With --spark: where the run directories go, a Hadoop file system URI every"
                    + " executor can reach (file:///shared/..., hdfs://..., s3a://...); default"
                    + " <out>/runs.")
    String runsUri;

    @Override
    public Integer call() throws Exception {
        DatasetKind dataset = data.dataset();
        ExperimentPlan plan = plan(dataset);
        RunScheduler scheduler = spark == null ? RunScheduler.sequential()
                : RunScheduler.distributed(spark, runsUri != null ? runsUri
                        : plan.out().resolve(SweepTask.RUNS_DIR).toAbsolutePath().toUri().toString());
        new Experiment(plan, ExperimentFamily.forDataset(dataset), scheduler, CliOutput.stdout(spec)).run();
        return LaminaCli.OK;
    }

    /**
     * The plan the options describe, every value checked (models, seeds, settings, device,
     * output directory) before any data loads.
     */
    ExperimentPlan plan(DatasetKind dataset) {
        TrainingSettings settings = training.over(full ? FULL_PRESET : DEFAULT_PRESET);
        boolean custom = seeds != null || seedList != null || subset != null || models != null
                || List.of("--epochs", "--batch-size", "--lr", "--lr-schedule", "--weight-decay", "--seed")
                        .stream().anyMatch(training::given);
        String preset = (full ? "full" : "default") + (custom ? " (customized by flags)" : "");
        int seedCount = seeds != null ? seeds : full ? 3 : 1;
        if (seedCount < 1) {
            throw new InvalidInputException("--seeds must be at least 1, got " + seedCount);
        }
        List<Long> seedValues = seedList != null ? seedList
                : LongStream.range(0, seedCount).map(i -> settings.seed() + i).boxed().toList();
        int trainSubset = subset != null ? subset : full ? 20_000 : 10_000;
        if (trainSubset < 0) {
            throw new InvalidInputException("--subset must be 0 (all) or more, got " + trainSubset);
        }
        List<String> family = ExperimentFamily.forDataset(dataset).models();
        List<String> chosen = models != null ? models : family;
        chosen.forEach(name -> ModelCatalog.resolveIn(name, ModelCatalog.packageFor(dataset)));
        device.choice();
        Path dir = out != null ? out : Path.of("runs", "experiment-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (runsUri != null && spark == null) {
            throw new InvalidInputException("--runs-uri is where a Spark sweep's executors write their"
                    + " runs; without --spark the runs go to --out's " + SweepTask.RUNS_DIR + "/. Add --spark"
                    + " MASTER or leave --runs-uri out.");
        }
        ExperimentPlan plan = new ExperimentPlan(preset, chosen, seedValues,
                new TrainingBackend.Budget(settings, device.device()), trainSubset, dataset, data.dir(), dir);
        List<String> outputs = List.of(Experiment.RESULTS_MD, Experiment.RUNS_JSON, Experiment.RUNS_CSV,
                SweepTask.RUNS_DIR);
        if (!resume) {
            RunDirectory.requireNoRun(dir, outputs, "--out");
        } else {
            Experiment.requireSamePlan(plan, "--resume");
        }
        return plan;
    }
}
