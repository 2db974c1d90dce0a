package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;
import picocli.CommandLine;
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
import java.util.concurrent.Callable;

/** {@code lamina train MODEL}: trains one model and reports its test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Train one model and report its test accuracy.",
        description = "Holds out --validation of the training set, measures it after every epoch"
                + " and keeps the best epoch on it; the test set is measured once, at the end."
                + " Prints the model's summary, per-epoch progress and the final test accuracy,"
                + " and writes checkpoints (last, and best with a validation set) and the history"
                + " (CSV, JSON, PNG) to --out, and the chosen model (best, else last) as a saved"
                + " model directory in <out>/model for `lamina predict`.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The saved model directory inside --out. */
    static final String MODEL_DIR = "model";

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

    // 0.003 with a 5% warm-up and a cosine decay: +4 points of test accuracy over a constant 0.001
    // for FashionCnn in 2 epochs, and a small gain for the BN-free Seed001MnistCnn; 0.02 is better
    // still for the batch-normalized FashionCnn but wrecks Seed001MnistCnn (docs/training.md)
    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.003",
            description = "Adam learning rate (the peak rate under a cosine schedule).")
    float learningRate;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "cosine:0.05",
            description = "How the rate moves over the run: constant; cosine (half a cosine from"
                    + " --lr down to 0 at the last step); cosine:W (the same after a linear warm-up"
                    + " over the first fraction W of the steps, e.g. cosine:0.05).")
    String schedule;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0",
            description = "Decoupled weight decay (AdamW): each step also shrinks every weight by"
                    + " rate * WD of itself. 0: plain Adam.")
    float weightDecay;

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

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction of the training set held out (stratified, by --seed) to choose"
                    + " the best epoch on. 0: none; then each epoch is measured on the test set for"
                    + " monitoring only and no best checkpoint is kept.")
    double validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "Early stopping: end the run after N epochs in a row without a better"
                    + " validation accuracy (the best checkpoint is kept). 0: train all --epochs.")
    int patience;

    @Option(names = "--augment",
            description = "Random crop with padding (and horizontal flip where it makes sense)"
                    + " during training.")
    boolean augment;

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = CliOutput.stdout(spec);
        GeneratedNet net = ModelCatalog.resolve(model);
        Path dir = out != null ? out : resume != null ? resume : Path.of("runs", "train-" + net.name());
        stdout.println(net.summary());
        if (!(validation >= 0 && validation < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--validation must be at least 0"
                    + " and below 1 (a fraction of the training set), got " + validation);
        }
        LearningRateSchedule lrSchedule = LearningRateSchedule.parse(schedule);
        DataOptions.Loaded input = data.load(net);
        DataSplits loaded = input.splits();
        DataSplits splits = validation > 0 && !loaded.hasValidation() ? loaded.withValidation(validation, seed)
                : loaded;
        if (input.folder() != null) {
            ImageFolders.Loaded folder = input.folder();
            stdout.printf(Locale.ROOT, "Image folder %s: %s; %d classes: %s%n", data.dir(), folder.layout(),
                    folder.classNames().size(), String.join(", ", folder.classNames()));
            folder.writeRunFiles(dir);
            if (!folder.skipped().isEmpty()) {
                stdout.printf(Locale.ROOT, "Skipped %d bad file(s) or folder(s) (--skip-bad-images), listed in"
                        + " %s%n", folder.skipped().size(), dir.resolve(ImageFolders.SKIPPED_FILE));
            }
        }
        stdout.printf(Locale.ROOT, "Training %s on %s (%d training, %d validation, %d test images),"
                        + " %d epoch(s), batch %d, Adam%s lr %s (%s), seed %d%s -> %s%n", net.name(),
                input.label(), splits.train().size(),
                splits.hasValidation() ? splits.validation().size() : 0, splits.test().size(), epochs,
                batchSize, weightDecay > 0 ? "W (weight decay " + weightDecay + ")" : "", learningRate,
                lrSchedule, seed, augment ? ", augmented" : "", dir);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(epochs).batchSize(batchSize).learningRate(learningRate).schedule(lrSchedule)
                .weightDecay(weightDecay).seed(seed)
                .device(DeviceChoice.parse(device.device()))
                .outputDir(dir).resumeFrom(resume)
                .augmentation(augment ? augmentation() : Augmentation.NONE)
                .patience(patience)
                .modelName(net.name())
                .progress(stdout)
                .build();
        TrainingResult result = new Trainer(config).fit(net.newBlock(), net.inputShape(),
                splits.train(), splits.validation(), splits.test());
        if (result.stoppedEarly()) {
            stdout.printf(Locale.ROOT, "Stopped early after epoch %d of %d (--patience %d).%n",
                    result.history().size(), epochs, patience);
        }
        stdout.printf(Locale.ROOT, "Final test accuracy: %.4f (the model after the last epoch).%n",
                result.testAccuracy());
        if (splits.hasValidation()) {
            stdout.printf(Locale.ROOT, "Best validation accuracy %.4f at epoch %d: checkpoint 'best'"
                    + " (`lamina eval` measures it on the test set).%n", result.bestAccuracy(),
                    result.bestEpoch());
        } else {
            stdout.println("No validation set (--validation 0): the epochs were measured on the test"
                    + " set for monitoring only, so no best epoch was chosen; only checkpoint 'last'"
                    + " is kept.");
        }
        stdout.println("Checkpoints and history: " + dir);
        saveModel(net, dir, input, stdout);
        return LaminaCli.OK;
    }

    /**
     * Writes the run's chosen model (best on validation, else last) as a saved model directory,
     * {@code <out>/model}, for {@code lamina predict} and {@code LaminaModel.load}.
     */
    private static void saveModel(GeneratedNet net, Path dir, DataOptions.Loaded input, PrintStream stdout)
            throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        String chosen = store.exists(CheckpointStore.BEST)
                && "validation".equals(store.loadState(CheckpointStore.BEST).evalName())
                ? CheckpointStore.BEST : CheckpointStore.LAST;
        Path modelDir = dir.resolve(MODEL_DIR);
        SavedModelInfo info = LaminaModel.saveFromCheckpoint(dir, chosen, net.netClass(),
                input.classNames(), input.label(), modelDir);
        stdout.printf(Locale.ROOT, "Saved model (checkpoint '%s', epoch %s): %s. Predict with `lamina predict"
                + " %s IMAGE`.%n", chosen, info.training().get("epoch"), modelDir, modelDir);
    }

    /**
     * The dataset's standard augmentation; for a folder, a random crop with padding 2 and no flip
     * (a mirrored image may be another class).
     */
    private Augmentation augmentation() {
        return data.isFolder() ? new Augmentation(2, false) : Augmentation.standard(data.dataset());
    }
}
