package dev.lamina.runtime.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.ModelSignature;
import dev.lamina.runtime.checkpoint.TrainingState;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.BatchStream;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.device.DevicePlacement;
import dev.lamina.runtime.device.DeviceSelection;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.HistoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a DJL {@link Block} that maps images to class logits: Adam with the configured learning
 * rate on softmax cross-entropy, one evaluation per epoch with training off, checkpoints and
 * history files after every epoch when an output directory is set.
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
 * {@link dev.lamina.runtime.checkpoint.CheckpointException} when a resume checkpoint does not fit.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final TrainingProgress progress;

    /** A trainer that runs with these settings. */
    public Trainer(TrainingConfig config) {
        this.config = config;
        this.progress = new TrainingProgress(config.progress(), config.terminal(), config.logEvery());
    }

    /** Trains on {@code train}, evaluating on {@code test} after every epoch. */
    public TrainingResult fit(Block block, Shape inputShapeWithBatch, LabeledImages train, LabeledImages test) {
        return fit(block, inputShapeWithBatch, train, null, test);
    }

    /**
     * Trains on {@code train}, evaluating on {@code validation} after every epoch (on {@code test}
     * when {@code validation} is null), and on {@code test} once at the end.
     *
     * @param block an uninitialized block (initialization then follows the seed)
     * @param inputShapeWithBatch the model's input shape with a leading batch dimension, e.g.
     *     {@code (1, 1, 28, 28)}
     */
    public TrainingResult fit(Block block, Shape inputShapeWithBatch, LabeledImages train,
                              LabeledImages validation, LabeledImages test) {
        DeviceSelection devices = selectDevices();
        Path out = config.outputDir() != null ? config.outputDir() : config.resumeFrom();
        CheckpointStore store = out == null ? null : new CheckpointStore(out);
        LabeledImages evalSet = validation != null ? validation : test;
        String evalName = validation != null ? "validation" : "test";

        Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
        try (Model model = Model.newInstance("lamina", devices.primary())) {
            model.setBlock(block);
            Run run = config.resumeFrom() == null ? new Run(evalName)
                    : resume(block, inputShapeWithBatch, model, evalName);
            try (DjlSteps steps = guardMemory(devices, () ->
                    new DjlSteps(model, devices.toArray(), config.learningRate(), inputShapeWithBatch))) {
                for (int epoch = run.epoch + 1; epoch <= config.epochs(); epoch++) {
                    EpochStats stats = trainEpoch(steps, block, devices, train, evalSet, epoch, run, store);
                    run.finishEpoch(stats);
                    progress.epochDone(stats, evalName);
                    save(store, block, run);
                }
                Evaluation finalTest = evaluate(steps, devices, test);
                progress.info(String.format(Locale.ROOT, "test accuracy %.4f (loss %.4f) after %d epoch(s); best %s accuracy %.4f at epoch %d",
                        finalTest.accuracy(), finalTest.loss(), run.epoch, evalName, run.bestAccuracy, run.bestEpoch));
                return new TrainingResult(run.history, evalName, run.bestEpoch, run.bestAccuracy, finalTest.loss(),
                        finalTest.accuracy(), devices.describe(), out);
            }
        }
    }

    /**
     * Loads the checkpoint {@code tag} ({@code "last"} or {@code "best"}) from {@code checkpointDir}
     * into {@code block} and measures it on {@code data}.
     */
    public Evaluation evaluate(Block block, Shape inputShapeWithBatch, Path checkpointDir, String tag,
                               LabeledImages data) {
        DeviceSelection devices = selectDevices();
        try (Model model = Model.newInstance("lamina", devices.primary())) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapeWithBatch);
            new CheckpointStore(checkpointDir).restore(tag, block, model.getNDManager());
            try (DjlSteps steps = new DjlSteps(model, new ai.djl.Device[] {devices.primary()},
                    config.learningRate(), inputShapeWithBatch)) {
                return evaluate(steps, devices, data);
            }
        }
    }

    private DeviceSelection selectDevices() {
        DeviceSelection devices = config.device().resolve();
        LOG.info("Training device: {} ({})", devices.describe(), devices.reason());
        progress.info("device: " + devices.describe() + " (" + devices.reason() + ")");
        return devices;
    }

    private Run resume(Block block, Shape inputShape, Model model, String evalName) {
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
        TrainingState state = new CheckpointStore(config.resumeFrom())
                .restore(CheckpointStore.LAST, block, model.getNDManager());
        progress.info("resuming from " + config.resumeFrom() + " after epoch " + state.epoch() + " of "
                + config.epochs());
        Map<String, Object> now = config.describe();
        state.config().forEach((key, saved) -> {
            if (!key.equals("epochs") && now.containsKey(key) && !String.valueOf(now.get(key)).equals(String.valueOf(saved))) {
                progress.info("note: " + key + " was " + saved + " in the checkpoint and is " + now.get(key) + " now");
            }
        });
        LOG.info("Resumed from {} at epoch {}, step {}", config.resumeFrom(), state.epoch(), state.step());
        return new Run(state, evalName);
    }

    private EpochStats trainEpoch(DjlSteps steps, Block block, DeviceSelection devices, LabeledImages train,
                                  LabeledImages evalSet, int epoch, Run run, CheckpointStore store) {
        // Re-seeding per epoch makes dropout masks the same in a resumed and an uninterrupted run;
        // the data order and augmentation depend only on (seed, epoch) too.
        Engine.getInstance().setRandomSeed(Long.hashCode(config.seed() * 31 + epoch));
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long images = 0;
        int index = 0;
        BatchOptions options = BatchOptions.training(config.batchSize(), config.seed())
                .withAugmentation(config.augmentation()).withNormalization(config.normalization());
        try (BatchStream batches = BatchStream.open(train, options, epoch)) {
            progress.epochStarted(epoch, config.epochs(), batches.batchCount());
            for (Batch batch : batches) {
                index++;
                DjlSteps.Outcome outcome = trainStep(steps, block, devices, batch, epoch, index, run, store);
                lossSum += outcome.lossSum();
                correct += outcome.correct();
                images += outcome.size();
                progress.batchDone(index, lossSum / images, images, System.nanoTime() - start);
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Evaluation eval = evaluate(steps, devices, evalSet);
        if (!Double.isFinite(eval.loss())) {
            // the last step made the parameters non-finite; they must not become a checkpoint
            throw new TrainingDivergedException(epoch, index, "the " + run.evalName + " loss (measured after the last batch)",
                    eval.loss(), config.learningRate(), lastGood(store, run));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, lossSum / images, (double) correct / images, eval.loss(), eval.accuracy(),
                seconds, images / trainSeconds);
    }

    /** One optimizer step, refusing a non-finite loss before it touches the parameters. */
    private DjlSteps.Outcome trainStep(DjlSteps steps, Block block, DeviceSelection devices, Batch batch, int epoch,
                                       int index, Run run, CheckpointStore store) {
        DjlSteps.Outcome outcome = guardMemory(devices, () -> steps.forwardBackward(batch));
        if (!Double.isFinite(outcome.lossSum())) {
            throw new TrainingDivergedException(epoch, index, "the training loss", outcome.meanLoss(),
                    config.learningRate(), lastGood(store, run));
        }
        guardMemory(devices, () -> {
            steps.step();
            return null;
        });
        if (run.step++ == 0) {
            DevicePlacement.verify(block, devices.primary());
        }
        return outcome;
    }

    /** Loss and accuracy on {@code data}, in order, training off. */
    private Evaluation evaluate(DjlSteps steps, DeviceSelection devices, LabeledImages data) {
        BatchOptions options = BatchOptions.evaluation(config.batchSize()).withNormalization(config.normalization());
        try (BatchStream batches = BatchStream.open(data, options, 0)) {
            return guardMemory(devices, () -> steps.evaluate(batches.iterator()));
        }
    }

    private <T> T guardMemory(DeviceSelection devices, Supplier<T> work) {
        try {
            return work.get();
        } catch (EngineException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("out of memory")) {
                throw new DeviceOutOfMemoryException(devices.describe(), config.batchSize(), e);
            }
            throw e;
        } catch (OutOfMemoryError e) {
            throw new DeviceOutOfMemoryException("cpu (Java heap)", config.batchSize(), e);
        }
    }

    private void save(CheckpointStore store, Block block, Run run) {
        if (store == null) {
            return;
        }
        try {
            TrainingState state = run.state(ModelSignature.of(block));
            store.save(CheckpointStore.LAST, block, state);
            if (run.bestEpoch == run.epoch) {
                store.save(CheckpointStore.BEST, block, state);
            }
            HistoryFiles.writeAll(store.dir(), run.history, run.evalName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint or history to " + store.dir()
                    + ": " + e.getMessage() + ". The previous checkpoint there is intact.", e);
        }
    }

    private static String lastGood(CheckpointStore store, Run run) {
        if (store == null) {
            return "no checkpoint was written (no output directory)";
        }
        return store.exists(CheckpointStore.LAST)
                ? "the last good checkpoint (epoch " + run.epoch + ") is kept in " + store.dir()
                : "no epoch had finished, so " + store.dir() + " holds no checkpoint";
    }

    /** The mutable bookkeeping of one run: epochs done, steps, best, history. */
    private final class Run {
        final String evalName;
        final List<EpochStats> history;
        int epoch;
        long step;
        int bestEpoch;
        double bestAccuracy = Double.NEGATIVE_INFINITY;

        Run(String evalName) {
            this.evalName = evalName;
            this.history = new ArrayList<>();
        }

        Run(TrainingState state, String evalName) {
            this.evalName = evalName;
            this.history = new ArrayList<>(state.history());
            this.epoch = state.epoch();
            this.step = state.step();
            this.bestEpoch = state.bestEpoch();
            this.bestAccuracy = state.bestAccuracy();
        }

        void finishEpoch(EpochStats stats) {
            history.add(stats);
            epoch = stats.epoch();
            if (stats.evalAccuracy() > bestAccuracy) {
                bestAccuracy = stats.evalAccuracy();
                bestEpoch = epoch;
            }
        }

        TrainingState state(ModelSignature signature) {
            return new TrainingState(epoch, step, bestEpoch, bestAccuracy, config.seed(), config.describe(),
                    evalName, signature, history);
        }
    }
}
