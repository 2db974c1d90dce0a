package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.task.TaskSpec;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.run.TrainedRun;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingRequest;
import dev.lamina.runtime.train.TrainingResult;
import dev.lamina.runtime.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lamina train MODEL}: trains one model and reports its test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true, defaultValueProvider = TrainingOptions.StandardDefaults.class,
        header = "Train one model and report its test accuracy.",
        description = "Holds out --validation of the training set, measures it after every epoch"
                + " and keeps the best epoch on it; the test set is measured once, at the end."
                + " Prints the model's summary, per-epoch progress and the final test accuracy,"
                + " and writes checkpoints (last, and best with a validation set) and the history"
                + " (CSV, JSON, PNG) to --out, and the chosen model (best, else last) as a saved"
                + " model directory in <out>/model for `lamina predict`. Every option is checked"
                + " before the data loads.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The model {@code lamina train} trains when none is named. */
    static final String DEFAULT_MODEL = "FashionClassifier";

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "@Model class or generated Net class, e.g. FashionCnn, PlainNet,"
                    + " cifar.Plain or a fully qualified name (`lamina summary` lists them).")
    String model;

    @Mixin
    TrainingOptions training;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Fraction of the training set held out (stratified, by --seed) to choose"
                    + " the best epoch on. 0: none; then each epoch is measured on the test set for"
                    + " monitoring only and no best checkpoint is kept.")
    double validation;

    @Option(names = "--patience", paramLabel = "N",
            description = "Early stopping: end the run after N epochs in a row without a better"
                    + " validation accuracy (the best checkpoint is kept). 0: train all --epochs.")
    int patience;

    @Option(names = "--augment",
            description = "Random crop with padding (and horizontal flip where it makes sense)"
                    + " during training.")
    boolean augment;

    @Mixin
    LimitBatchesOption limit;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--threshold", paramLabel = "P",
            description = "binary and multi-label models: the probability from which an example is predicted"
                    + " positive (a label is in the set), recorded in the saved model. Default 0.5.")
    Double threshold;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where checkpoints and history go; must not hold a run already."
                    + " Default: a new runs/train-<MODEL>/version_<N>.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose checkpoints are in DIR (writes there too unless"
                    + " --out is given); it ends at the same total of --epochs.")
    Path resume;

    @Override
    public Integer call() throws IOException {
        // every option is checked before the data loads or anything is written
        RunDirectory from = resume != null ? RunDirectory.of(resume) : null;
        if (from != null) {
            from.requireLast("--resume");
        }
        // resuming without MODEL: the model the run saved, when it got that far
        GeneratedNet net = (from != null && !spec.commandLine().getParseResult().hasMatchedPositional(0)
                ? from.recordedNetClass().map(ModelCatalog::resolve) : Optional.<GeneratedNet>empty())
                .orElseGet(() -> data.model(model));
        // a resume continues the recorded plan: only the options given here change it
        TrainingSettings base = from != null ? from.recordedSettings(TrainingSettings.DEFAULTS) : TrainingSettings.DEFAULTS;
        // a resume keeps the recorded patience unless --patience is given
        Integer patience = from != null && !training.given("--patience") ? null : this.patience;
        TrainingSettings settings = training.request(validation, patience).over(base, TrainingRequest.COMMAND_LINE);
        DeviceChoice deviceChoice = device.choice();
        int limitBatches = limit.limitBatches();
        RunDirectory run = from != null && (out == null || samePath(out, resume))
                ? RunDirectory.forResume(resume, "--resume")
                : RunDirectory.forNewRun(out, Path.of("runs", "train-" + net.name()), "--out");

        PrintStream stdout = CliOutput.stdout(spec);
        stdout.println(net.summary());
        // a resumed run continues on the data it trained on (an image folder as it read it)
        RunData input = (from != null ? data.loadForRun(net, from, "--resume", stdout) : data.load(net))
                .withValidation(settings);
        DataSplits splits = input.splits();
        if (data.manifest != null) {
            stdout.printf(Locale.ROOT, "Manifest %s: %d target(s): %s%n", data.manifest.manifest(),
                    data.manifest.targetNames().size(), String.join(", ", data.manifest.targetNames()));
            data.manifest.skipped().forEach(row -> stdout.printf(Locale.ROOT, "Skipped line %d%s: %s%n", row.line(),
                    row.file() == null ? "" : " (" + row.file() + ")", row.message()));
        }
        input.folderReport(run, "--skip-bad-images").forEach(stdout::println);
        stdout.printf(Locale.ROOT, "Training %s on %s (%d training, %d validation, %d test images),"
                        + " %d epoch(s), batch %d, Adam%s lr %s (%s), seed %d%s%s -> %s%n", net.name(),
                input.label(), splits.train().size(),
                splits.hasValidation() ? splits.validation().size() : 0, splits.test().size(),
                settings.epochs(), settings.batchSize(), settings.weightDecay() > 0
                        ? "W (weight decay " + settings.weightDecay() + ")" : "",
                settings.learningRate(), settings.schedule(), settings.seed(), augment ? ", augmented" : "",
                limitBatches > 0 ? ", at most " + limitBatches + " batches per epoch (smoke run)" : "", run);
        // a resume keeps the recorded threshold unless --threshold is given again
        TaskSpec task = from != null && threshold == null ? from.recordedTask(net.net()) : task(net);
        TrainingConfig config = TrainingConfig.builder()
                .task(task)
                .settings(settings)
                .device(deviceChoice)
                .resumeFrom(resume)
                .augmentation(augment ? augmentation(input) : Augmentation.NONE)
                .limitBatches(limitBatches)
                .modelName(net.name())
                .progress(stdout)
                .build();
        TrainedRun trained = run.train(net.net(), input, config);
        TrainingResult result = trained.training();
        if (result.stoppedEarly()) {
            stdout.printf(Locale.ROOT, "Stopped early after epoch %d of %d (--patience %d).%n",
                    result.history().size(), settings.epochs(), settings.patience());
        }
        TaskSpec declared = TaskSpec.of(net.net().descriptor().task());
        if (declared instanceof TaskSpec.MultiClass) {
            stdout.printf(Locale.ROOT, "Final test accuracy: %.4f (the model after the last epoch).%n",
                    result.testAccuracy());
        } else {
            StringBuilder metrics = new StringBuilder();
            if (!Double.isNaN(result.testAccuracy())) {
                metrics.append(String.format(Locale.ROOT, "accuracy %.4f, ", result.testAccuracy()));
            }
            result.testMetrics().values().forEach((name, value) -> metrics.append(String.format(Locale.ROOT,
                    "%s %.4f, ", name, value)));
            stdout.printf(Locale.ROOT, "Final test metrics (%s): %s (the model after the last epoch).%n", declared.id(),
                    metrics.substring(0, metrics.length() - 2));
        }
        if (splits.hasValidation()) {
            stdout.printf(Locale.ROOT, "Best validation %s %.4f at epoch %d: checkpoint 'best'"
                    + " (`lamina eval` measures it on the test set).%n", declared.selectionName(), result.bestAccuracy(),
                    result.bestEpoch());
        } else {
            stdout.println("No validation set (--validation 0): the epochs were measured on the test"
                    + " set for monitoring only, so no best epoch was chosen; only checkpoint 'last'"
                    + " is kept.");
        }
        stdout.println("Checkpoints and history: " + run);
        stdout.printf(Locale.ROOT, "Saved model (checkpoint '%s', epoch %s): %s. Predict with `lamina predict"
                + " %s IMAGE`.%n", trained.chosen(), trained.model().training().get("epoch"), trained.modelDir(),
                trained.modelDir());
        return LaminaCli.OK;
    }

    /**
     * The task the Net declares, with {@code --threshold} for a binary or multi-label model (without
     * it, the config's default, which the run replaces by the Net's task); the option is refused for
     * the others, which have no threshold.
     */
    private TaskSpec task(GeneratedNet net) {
        TaskSpec declared = TaskSpec.of(net.net().descriptor().task());
        if (threshold == null) {
            // the run's default: the Net's task, a regression's target normalization measured on the training split
            return new TaskSpec.MultiClass();
        }
        if (declared instanceof TaskSpec.Binary) {
            return new TaskSpec.Binary(threshold);
        }
        if (declared instanceof TaskSpec.MultiLabel) {
            return new TaskSpec.MultiLabel(threshold);
        }
        throw new InvalidInputException("--threshold is for binary and multi-label models, but " + net.name()
                + " is " + declared.id() + "; leave it out");
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * The dataset's standard augmentation; for a folder, a random crop with padding 2 and no flip
     * (a mirrored image may be another class).
     */
    private Augmentation augmentation(RunData input) {
        if (data.manifest != null) {
            throw new InvalidInputException("--augment: a manifest's targets may depend on where things are in the"
                    + " image and how it is turned (an angle), so a manifest trains without augmentation; leave"
                    + " --augment out");
        }
        // input, not the --dataset option: a resumed folder run may leave --dataset out
        return input.folder() != null ? new Augmentation(2, false) : Augmentation.standard(data.dataset());
    }
}
