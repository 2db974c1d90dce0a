package dev.lamina.maven;

import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.run.TrainedRun;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingRequest;
import dev.lamina.runtime.train.TrainingResult;
import dev.lamina.runtime.train.TrainingSettings;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Trains one of the project's models, as {@code lamina train} does: holds out {@code validation}
 * of the training set, measures it after every epoch and keeps the best epoch on it; measures the
 * test set once, at the end. Writes checkpoints (last, and best with a validation set) and the
 * history (CSV, JSON, PNG) to {@code out}, and the chosen model (best, else last) as a saved model
 * directory in {@code <out>/model} for {@code lamina:predict}. Every parameter is checked before
 * the data loads. Compiles the project first.
 */
@Mojo(name = "train", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class TrainMojo extends DataMojo {

    /**
     * The model: a {@code @Model} class's simple name ({@code Shapes}), its Net's, or either fully
     * qualified. Default: the model a resumed run trained, else the project's only model. CLI:
     * {@code MODEL}.
     */
    @Parameter(property = "lamina.model")
    String model;

    /** Passes over the training set. Default: 3. CLI: {@code --epochs}. */
    @Parameter(property = "lamina.epochs")
    Integer epochs;

    /** Examples per step. Default: 64. CLI: {@code --batch-size}. */
    @Parameter(property = "lamina.batchSize")
    Integer batchSize;

    /** Adam learning rate (the peak rate under a cosine schedule). Default: 0.003. CLI: {@code --lr}. */
    @Parameter(property = "lamina.lr")
    Float lr;

    /**
     * How the rate moves over the run: {@code constant}; {@code cosine} (half a cosine from {@code
     * lr} down to 0 at the last step); {@code cosine:W} (the same after a linear warm-up over the
     * first fraction W of the steps). Default: cosine:0.05. CLI: {@code --lr-schedule}.
     */
    @Parameter(property = "lamina.lrSchedule")
    String lrSchedule;

    /**
     * Decoupled weight decay (AdamW): each step also shrinks every weight by rate * WD of itself.
     * 0: plain Adam. Default: 0. CLI: {@code --weight-decay}.
     */
    @Parameter(property = "lamina.weightDecay")
    Float weightDecay;

    /** Fixes initialization, data order, augmentation and dropout. Default: 42. CLI: {@code --seed}. */
    @Parameter(property = "lamina.seed")
    Long seed;

    /**
     * Fraction of the training set held out (stratified, by {@code seed}) to choose the best epoch
     * on. 0: none; then each epoch is measured on the test set for monitoring only and no best
     * checkpoint is kept. Default: 0.1. CLI: {@code --validation}.
     */
    @Parameter(property = "lamina.validation")
    Double validation;

    /**
     * Early stopping: end the run after N epochs in a row without a better validation accuracy
     * (the best checkpoint is kept). 0: train all epochs. Default: 0 (a resumed run's own). CLI:
     * {@code --patience}.
     */
    @Parameter(property = "lamina.patience")
    Integer patience;

    /**
     * Random crop with padding during training (and horizontal flip for a built-in dataset where it
     * makes sense). CLI: {@code --augment}.
     */
    @Parameter(property = "lamina.augment", defaultValue = "false")
    boolean augment;

    /**
     * Where checkpoints and history go; must not hold a run already. Relative to the project's
     * directory. Default: a new {@code runs/train-<MODEL>/version_<N>} in the project's directory.
     * CLI: {@code --out}.
     */
    @Parameter(property = "lamina.out")
    File out;

    /**
     * Continue the run whose checkpoints are in this directory (writes there too unless {@code out}
     * is given); it ends at the same total of epochs. CLI: {@code --resume}.
     */
    @Parameter(property = "lamina.resume")
    File resume;

    @Override
    void run(ProjectClasses classes, PrintStream stdout) throws Exception {
        // every parameter is checked before the data loads or anything is written
        RunDirectory from = resume != null ? RunDirectory.of(resume.toPath()) : null;
        if (from != null) {
            from.requireLast("--resume");
        }
        LaminaNet net = classes.model(model, from != null ? from.recordedNetClass() : Optional.empty());
        TrainingSettings base = from != null ? from.recordedSettings(TrainingSettings.DEFAULTS) : TrainingSettings.DEFAULTS;
        TrainingSettings settings = new TrainingRequest(epochs, batchSize, lr, lrSchedule, weightDecay, seed,
                // as lamina train: the validation fraction is never a resumed run's, the patience is
                validation != null ? validation : TrainingSettings.DEFAULTS.validation(), patience)
                .over(base, TrainingRequest.COMMAND_LINE);
        TrainingConfig.Builder config = TrainingConfig.builder().settings(settings).device(deviceChoice())
                .resumeFrom(path(resume)).limitBatches(limitBatches()).modelName(net.name())
                .progress(stdout).terminal(false);
        Path runs = project.getBasedir().toPath().resolve("runs").resolve("train-" + net.name());
        RunDirectory run = from != null && (out == null || out.toPath().toAbsolutePath().normalize()
                .equals(resume.toPath().toAbsolutePath().normalize()))
                ? RunDirectory.forResume(resume.toPath(), "--resume")
                : RunDirectory.forNewRun(path(out), runs, "--out");

        stdout.println(net.summary());
        RunData input = (from != null ? loadFor(net, from, "--resume") : load(net)).withValidation(settings);
        DataSplits splits = input.splits();
        input.folderReport(run, "skipBadImages").forEach(stdout::println);
        stdout.printf(Locale.ROOT, "Training %s on %s (%d training, %d validation, %d test images): %d epoch(s),"
                + " batch %d, lr %s (%s), weight decay %s, seed %d -> %s%n", net.name(), input.label(),
                splits.train().size(), splits.hasValidation() ? splits.validation().size() : 0, splits.test().size(),
                settings.epochs(), settings.batchSize(), settings.learningRate(), settings.schedule(),
                settings.weightDecay(), settings.seed(), run);
        Augmentation augmentation = !augment ? Augmentation.NONE
                : input.folder() != null ? new Augmentation(2, false) // a mirrored image may be another class
                : Augmentation.standard(RunData.builtIn(dataset));
        TrainedRun trained = run.train(net, input, config.augmentation(augmentation).build());
        TrainingResult result = trained.training();
        if (result.stoppedEarly()) {
            stdout.printf(Locale.ROOT, "Stopped early after epoch %d of %d (patience %d).%n",
                    result.history().size(), settings.epochs(), settings.patience());
        }
        stdout.printf(Locale.ROOT, "Final test accuracy: %.4f (the model after the last epoch).%n", result.testAccuracy());
        if (splits.hasValidation()) {
            stdout.printf(Locale.ROOT, "Best validation accuracy %.4f at epoch %d: checkpoint 'best'.%n",
                    result.bestAccuracy(), result.bestEpoch());
        }
        stdout.printf(Locale.ROOT, "Saved model (checkpoint '%s'): %s. Predict with mvn lamina:predict"
                + " -Dlamina.modelDir=%s -Dlamina.images=IMAGE%n", trained.chosen(), trained.modelDir(), trained.modelDir());
    }
}
