package dev.lamina.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.listener.TrainingListener;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.checkpoint.DataIdentity;
import dev.lamina.runtime.checkpoint.TrainingState;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DjlDatasetExamples;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.device.DevicePlacement;
import dev.lamina.runtime.device.DeviceSelection;
import dev.lamina.runtime.report.EvalTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a DJL {@link Block} that maps images to class logits: Adam with the configured learning
 * rate on softmax cross-entropy, one evaluation per epoch with training off, checkpoints and
 * history files after every epoch when an output directory is set.
 *
 * <p>The per-epoch evaluation runs on the validation set when one is given, else on the test set;
 * the progress lines, the history files and {@link TrainingResult#evalTarget()} name which. A {@code
 * best} checkpoint (the epoch with the highest validation accuracy) is kept only with a validation
 * set: without one, only {@code last} is saved, because an epoch picked by test accuracy would
 * turn the test set into a selection set.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(64)
 *         .outputDir(Path.of("runs/fashion")).progress(System.out).build();
 * TrainingResult result = new Trainer(config)
 *         .fit(FashionCnnNet.newBlock(), FashionCnnNet.inputShape(), train, test);
 * System.out.println(result.testAccuracy());
 * }</pre>
 *
 * <p>Stops with {@link TrainingDivergedException} on a NaN or infinite loss, {@link
 * DeviceOutOfMemoryException} when memory runs out, {@link
 * dev.lamina.runtime.device.DeviceUnavailableException} when the asked-for device is missing, and
 * {@link dev.lamina.runtime.checkpoint.CheckpointException} when a resume checkpoint does not fit,
 * and {@link DatasetException} ({@code EMPTY}) when a set holds no examples.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final TrainingProgress progress;
    private final TrainingRun.PlacementCheck placementCheck;
    private final List<TrainingListener> listeners;
    /** Where the training steps' phases are timed, or null. */
    private final StepProfile profile;

    /** A trainer that runs with these settings. */
    public Trainer(TrainingConfig config) {
        this(config, DevicePlacement::verify);
    }

    /**
     * A trainer that also tells DJL {@link TrainingListener}s what happens: {@code
     * onTrainingBegin}/{@code onTrainingEnd} once per {@link #fit}, {@code onTrainingBatch} after
     * every training batch's forward and backward pass (before the optimizer step), {@code
     * onValidationBatch} for every batch of the per-epoch evaluation, {@code onEpoch} after it.
     * The DJL trainer they receive has no metrics unless a listener sets them in {@code
     * onTrainingBegin}.
     */
    public Trainer(TrainingConfig config, TrainingListener... listeners) {
        this(config, DevicePlacement::verify, listeners);
    }

    /**
     * A trainer that times each training step's phases into {@code profile} (data, forward and
     * backward, metrics, optimizer, the rest of the loop: {@link StepProfile.Phase}), read after
     * {@code fit}; the other constructors read no clock. The switch of {@code lamina benchmark train}.
     */
    public Trainer(TrainingConfig config, StepProfile profile, TrainingListener... listeners) {
        this(config, DevicePlacement::verify, java.util.Objects.requireNonNull(profile, "profile"), listeners);
    }

    /** A trainer with another device placement check (tests count its calls). */
    Trainer(TrainingConfig config, TrainingRun.PlacementCheck placementCheck, TrainingListener... listeners) {
        this(config, placementCheck, null, listeners);
    }

    private Trainer(TrainingConfig config, TrainingRun.PlacementCheck placementCheck, StepProfile profile,
                    TrainingListener... listeners) {
        this.profile = profile;
        this.listeners = List.of(listeners);
        this.config = config;
        this.progress = new TrainingProgress(config.progress(), config.terminal(), config.logEvery());
        this.placementCheck = placementCheck;
    }

    /** Trains on {@code train}, evaluating on {@code test} after every epoch. */
    public TrainingResult fit(Block block, Shape inputShapeWithBatch, ExampleSet train, ExampleSet test) {
        return fit(block, inputShapeWithBatch, train, null, test);
    }

    /**
     * Trains on DJL datasets (e.g. DJL's {@code ImageFolder} or a user's own {@link
     * RandomAccessDataset}), evaluating on {@code test} after every epoch, with this trainer's loop:
     * shuffling by the seed, prefetch, checkpoints, progress. Each record is one example (see
     * {@link DjlDatasetExamples}); the number of classes is the model's output size.
     *
     * @throws InvalidInputException when the model's output is not (classes), or the records do not
     *     fit the model
     */
    public TrainingResult fit(Block block, Shape inputShapeWithBatch, RandomAccessDataset train,
                              RandomAccessDataset test) {
        Shape out;
        try {
            out = block.getOutputShapes(new Shape[] {inputShapeWithBatch})[0];
        } catch (RuntimeException e) {
            throw new InvalidInputException("the model's output shape cannot be computed before training ("
                    + e.getMessage() + "); wrap the datasets yourself with DjlDatasetExamples.of(name, dataset,"
                    + " classes) and call fit with them");
        }
        if (out.dimension() != 2) {
            throw new InvalidInputException("the model's output has shape " + out.slice(1) + " per example, but"
                    + " training needs one logit per class, (classes)");
        }
        int classes = Math.toIntExact(out.get(1));
        return fit(block, inputShapeWithBatch, DjlDatasetExamples.of("train", train, classes),
                DjlDatasetExamples.of("test", test, classes));
    }

    /**
     * Trains on {@code train}, evaluating on {@code validation} after every epoch (on {@code test}
     * when {@code validation} is null, for monitoring only: then no {@code best} checkpoint is
     * kept), and on {@code test} once at the end.
     *
     * @param block an uninitialized block (initialization then follows the seed)
     * @param inputShapeWithBatch the model's input shape with a leading batch dimension, e.g.
     *     {@code (1, 1, 28, 28)}
     */
    public TrainingResult fit(Block block, Shape inputShapeWithBatch, ExampleSet train,
                              ExampleSet validation, ExampleSet test) {
        requireExamples(train, "training");
        if (validation != null) {
            requireExamples(validation, "validation");
        }
        requireExamples(test, "test");
        Shape exampleShape = inputShapeWithBatch.slice(1);
        DataFit.requireInputShape(train, "training", exampleShape);
        if (validation != null) {
            DataFit.requireInputShape(validation, "validation", exampleShape);
        }
        DataFit.requireInputShape(test, "test", exampleShape);
        if (config.settings().patience() > 0 && validation == null) {
            throw new InvalidInputException("early stopping (patience " + config.settings().patience() + ") needs a"
                    + " validation set to watch; give one, or set patience 0. Stopping on the test set would"
                    + " make the test accuracy an optimistic estimate.");
        }
        DeviceSelection devices = selectDevices();
        MemoryGuard memory = new MemoryGuard(devices.describe(), config.settings().batchSize());
        Path out = config.outputDir() != null ? config.outputDir() : config.resumeFrom();
        EvalTarget evalTarget = validation != null ? EvalTarget.VALIDATION : EvalTarget.TEST;
        ExampleSet evalSet = validation != null ? validation : test;
        DataIdentity data = DataIdentity.of(train, evalSet, evalTarget.id(),
                config.normalization() == null ? "none" : config.normalization().format());

        recoverInterruptedSaves(out);
        Engine.getInstance().setRandomSeed(Long.hashCode(config.settings().seed()));
        try (Model model = Model.newInstance("lamina", devices.primary())) {
            model.setBlock(block);
            CheckpointStore.Restored resumed = config.resumeFrom() == null ? null
                    : resume(block, inputShapeWithBatch, model, data);
            try (DjlSteps steps = memory.call(() ->
                    new DjlSteps(model, devices.toArray(), config.settings().learningRate(), config.settings().weightDecay(),
                            inputShapeWithBatch, listeners, config.task()))) {
                steps.profile(profile);
                Shape outputs = steps.outputShape();
                int batch = BatchMemory.requireFits(block, inputShapeWithBatch, config.settings().batchSize(),
                        train.size(), !devices.primary().isGpu());
                if (batch < config.settings().batchSize()) {
                    progress.info("note: the batch size " + config.settings().batchSize() + " is more than the "
                            + train.size() + " training examples, so every epoch is one batch of " + batch);
                }
                DataFit.requireLabels(train, "training", outputs, config.task());
                DataFit.classWarnings(train, outputs, config.task()).forEach(progress::info);
                if (validation != null) {
                    DataFit.requireLabels(validation, "validation", outputs, config.task());
                }
                DataFit.requireLabels(test, "test", outputs, config.task());
                if (resumed != null && resumed.optimizer() != null) {
                    steps.restoreOptimizer(block, resumed.optimizer());
                } else if (resumed != null) {
                    progress.info("note: the checkpoint in " + config.resumeFrom() + " holds no optimizer state,"
                            + " so Adam's moment estimates start again from zero");
                }
                TrainingRun run = new TrainingRun(config, progress, block, steps, devices, memory,
                        out == null ? null : new CheckpointStore(out), evalTarget, data,
                        resumed == null ? null : resumed.state(), placementCheck);
                run.trainRemainingEpochs(train, evalSet);
                Evaluation last = run.evaluate(test);
                String selection = config.task().selectionName();
                progress.info(String.format(Locale.ROOT, "test %s (loss %.4f) after %d epoch(s)",
                        testMetrics(last), last.loss(), run.epoch()) + (validation == null
                        ? "; no validation set, so no best epoch was chosen"
                        : String.format(Locale.ROOT, "; best validation %s %.4f at epoch %d",
                                selection, run.bestAccuracy(), run.bestEpoch())));
                return new TrainingResult(run.history(), evalTarget, run.bestEpoch(), run.bestAccuracy(), last.loss(),
                        last.accuracy(), devices.describe(), out, run.stoppedEarly(), last.metrics());
            }
        }
    }

    /**
     * Loads the checkpoint {@code tag} from {@code checkpointDir}
     * into {@code block} and measures it on {@code data}, training off.
     */
    public Evaluation evaluate(Block block, Shape inputShapeWithBatch, Path checkpointDir, CheckpointTag tag,
                               ExampleSet data) {
        requireExamples(data, "evaluation");
        DataFit.requireInputShape(data, "evaluation", inputShapeWithBatch.slice(1));
        DeviceSelection devices = selectDevices();
        try (Model model = Model.newInstance("lamina", devices.primary())) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapeWithBatch);
            new CheckpointStore(checkpointDir).restore(tag, block, model.getNDManager());
            MemoryGuard memory = new MemoryGuard(devices.primary().toString(), config.settings().batchSize());
            try (DjlSteps steps = new DjlSteps(model, new Device[] {devices.primary()}, config.settings().learningRate(),
                    0f, inputShapeWithBatch, List.of(), config.task())) {
                DataFit.requireLabels(data, "evaluation", steps.outputShape(), config.task());
                return new TrainingRun(config, progress, block, steps, devices, memory, null, EvalTarget.TEST, DataIdentity.UNKNOWN,
                        null, placementCheck)
                        .evaluate(data);
            }
        }
    }

    /** {@code accuracy 0.9120}, and a task's further metrics after it ({@code accuracy 0.8, f1 0.7, ...}). */
    static String testMetrics(Evaluation e) {
        StringBuilder text = new StringBuilder();
        if (!Double.isNaN(e.accuracy())) {
            text.append(String.format(Locale.ROOT, "accuracy %.4f", e.accuracy()));
        }
        e.metrics().values().forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.4f", name, value)));
        return text.toString();
    }

    /** Removes what a process that died while saving into {@code out} left there (see {@link CheckpointStore#recover}). */
    private void recoverInterruptedSaves(Path out) {
        if (out == null) {
            return;
        }
        try {
            List<String> changed = new CheckpointStore(out).recover();
            if (!changed.isEmpty()) {
                progress.info("note: cleaned up after an interrupted save in " + out + ": " + String.join(", ", changed));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clean up the output directory " + out + ": "
                    + e.getMessage(), e);
        }
    }

    /** Refuses an empty set before any work: its loss and accuracy would be 0/0. */
    private static void requireExamples(ExampleSet data, String role) {
        if (data.size() == 0) {
            throw new DatasetException(DatasetException.Problem.EMPTY, null, "the " + role + " set '"
                    + data.name() + "' holds no examples, so nothing can be " + (role.equals("training")
                    ? "learned from it" : "measured on it") + ". Check the data directory and any subset"
                    + " or validation fraction that shrinks it.");
        }
    }

    private DeviceSelection selectDevices() {
        DeviceSelection devices = config.device().resolve();
        LOG.info("Training device: {} ({})", devices.describe(), devices.reason());
        progress.info("device: " + devices.describe() + " (" + devices.reason() + ")");
        return devices;
    }

    /**
     * Initializes the block, loads the {@code last} checkpoint into it and says which settings
     * differ; refuses a checkpoint trained or evaluated on other data.
     */
    private CheckpointStore.Restored resume(Block block, Shape inputShape, Model model, DataIdentity data) {
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
        CheckpointStore.Restored restored = new CheckpointStore(config.resumeFrom())
                .restoreForTraining(CheckpointStore.LAST, block, model.getNDManager());
        TrainingState state = restored.state();
        List<String> dataDiffs = state.data().differencesFrom(data);
        if (!dataDiffs.isEmpty()) {
            throw new CheckpointException("cannot resume from " + config.resumeFrom() + ": the checkpoint was"
                    + " trained on other data (" + String.join("; ", dataDiffs) + "). Resume with the data"
                    + " and validation split of that run, or start a new run in another directory.");
        }
        if (!state.data().isKnown()) {
            progress.info("note: the checkpoint in " + config.resumeFrom() + " does not record its data, so"
                    + " this resume cannot check that the data is the same");
        }
        progress.info("resuming from " + config.resumeFrom() + " after epoch " + state.epoch() + " of "
                + config.settings().epochs());
        for (String difference : state.settings().differencesFrom(config.recorded())) {
            progress.info("note: " + difference);
        }
        Integer planned = state.settings().epochs();
        if (config.settings().schedule().kind() != LearningRateSchedule.Kind.CONSTANT && planned != null
                && planned != config.settings().epochs()) {
            progress.info("note: the checkpoint's run was planned for " + epochs(planned) + " and this one for "
                    + epochs(config.settings().epochs()) + "; the " + config.settings().schedule() + " schedule now spans "
                    + epochs(config.settings().epochs()) + ", so its rate does not continue from where the checkpoint left it");
        }
        LOG.info("Resumed from {} at epoch {}, step {}", config.resumeFrom(), state.epoch(), state.step());
        return restored;
    }


    /** {@code 1 epoch}, {@code 3 epochs}. */
    static String epochs(int n) {
        return n + (n == 1 ? " epoch" : " epochs");
    }
}
