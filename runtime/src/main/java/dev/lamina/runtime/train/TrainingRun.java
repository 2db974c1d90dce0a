package dev.lamina.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.DataIdentity;
import dev.lamina.runtime.checkpoint.ModelSignature;
import dev.lamina.runtime.checkpoint.OptimizerState;
import dev.lamina.runtime.checkpoint.TrainingState;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.BatchStream;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.device.DevicePlacement;
import dev.lamina.runtime.device.DeviceSelection;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.report.RunCaption;
import dev.lamina.runtime.task.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One run of {@link Trainer#fit}: the epoch loop with its guards, and the bookkeeping a checkpoint
 * saves (epochs done, steps, best epoch, history). Starts fresh or from a resumed {@link
 * TrainingState}.
 */
final class TrainingRun {

    /** Checks that a block's parameters live on a device; {@link DevicePlacement#verify} in production. */
    @FunctionalInterface
    interface PlacementCheck {
        void verify(Block block, Device expected);
    }

    private final TrainingConfig config;
    private final TrainingProgress progress;
    private final Block block;
    private final DjlSteps steps;
    private final DeviceSelection devices;
    private final MemoryGuard memory;
    private final CheckpointStore store;
    private final EvalTarget evalTarget;
    private final DataIdentity data;
    private final PlacementCheck placementCheck;
    /** Where each step's phases are timed, or null (no clock read). */
    private final StepProfile profile;
    private final List<EpochStats> history = new ArrayList<>();
    private int epoch;
    private long step;
    private int bestEpoch;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    /** The last evaluation's value of the task's selection metric (multi-class: its accuracy). */
    private double lastScore = Double.NaN;
    /** Whether this run (not the checkpoint it resumed from) has checked where the parameters live. */
    private boolean placementChecked;
    private boolean stoppedEarly;
    /** Title and subtitles of history.png, set when the epochs start. */
    private RunCaption caption;

    /**
     * @param store where checkpoints and history go, or {@code null}
     * @param data what this run trains and evaluates on, saved with every checkpoint
     * @param resumed the state to continue from, or {@code null}
     * @param placementCheck run after this run's first optimizer step
     */
    TrainingRun(TrainingConfig config, TrainingProgress progress, Block block, DjlSteps steps,
                DeviceSelection devices, MemoryGuard memory, CheckpointStore store, EvalTarget evalTarget,
                DataIdentity data, TrainingState resumed, PlacementCheck placementCheck) {
        this.data = data;
        this.config = config;
        this.placementCheck = placementCheck;
        this.progress = progress;
        this.block = block;
        this.steps = steps;
        this.profile = steps.profile();
        this.devices = devices;
        this.memory = memory;
        this.store = store;
        this.evalTarget = evalTarget;
        if (resumed != null) {
            history.addAll(resumed.history());
            epoch = resumed.epoch();
            step = resumed.step();
            bestEpoch = resumed.bestEpoch();
            bestAccuracy = resumed.bestAccuracy();
        }
    }

    /**
     * Runs the remaining epochs up to the configured total, or until early stopping (when {@code
     * patience} is set) sees no new best for that many epochs.
     */
    void trainRemainingEpochs(ExampleSet train, ExampleSet evalSet) {
        caption = caption(train, evalSet);
        while (epoch < config.settings().epochs()) {
            if (patienceRunOut()) {
                stoppedEarly = true;
                progress.info(String.format(java.util.Locale.ROOT, "early stop after epoch %d: no better validation"
                        + " %s than %.4f (epoch %d) for %d epoch(s)", epoch, config.task().selectionName(), bestAccuracy,
                        bestEpoch, epoch - bestEpoch));
                return;
            }
            EpochStats stats = runEpoch(epoch + 1, train, evalSet);
            history.add(stats);
            epoch = stats.epoch();
            if (lastScore > bestAccuracy) {
                bestAccuracy = lastScore;
                bestEpoch = epoch;
            }
            progress.epochDone(stats, evalTarget);
            save();
        }
    }

    /** Loss and accuracy on {@code data}, in order, training off. */
    Evaluation evaluate(ExampleSet data) {
        BatchOptions options = BatchOptions.evaluation(config.settings().batchSize()).withNormalization(config.normalization());
        try (BatchStream batches = BatchStream.open(data, options, 0)) {
            Iterator<Batch> all = batches.iterator();
            Iterator<Batch> limited = config.limitBatches() == 0 ? all : new Iterator<>() {
                private int taken;

                @Override
                public boolean hasNext() {
                    return taken < config.limitBatches() && all.hasNext();
                }

                @Override
                public Batch next() {
                    taken++;
                    return all.next();
                }
            };
            return memory.call(() -> steps.evaluate(limited));
        }
    }

    List<EpochStats> history() {
        return history;
    }

    boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** Whether the last {@code patience} epochs brought no new best (never, without patience). */
    private boolean patienceRunOut() {
        return config.settings().patience() > 0 && bestEpoch > 0 && epoch - bestEpoch >= config.settings().patience();
    }

    int epoch() {
        return epoch;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestAccuracy() {
        return bestAccuracy;
    }

    /**
     * A training batch whose mean loss is more than this many times the loss of a uniform guess
     * over the classes ({@code ln(classes)}, e.g. 2.30 for 10) has exploded: no model that is
     * learning gets there (a model that predicts nothing useful sits at 1 times), and a run with
     * too high a learning rate does within a few steps (docs/training.md).
     */
    static final double EXPLOSION_FACTOR = 100;

    /** The loss above which a run has exploded, for {@code classes} classes. */
    static double explosionLimit(int classes) {
        return EXPLOSION_FACTOR * chanceLoss(classes);
    }

    private static double chanceLoss(int classes) {
        return new TaskSpec.MultiClass().chanceLoss(classes);
    }

    /** The loss above which a run of this config's task has exploded. */
    private double explosionLimit(ExampleSet train) {
        return EXPLOSION_FACTOR * config.task().chanceLoss(train.classes());
    }



    private EpochStats runEpoch(int epoch, ExampleSet train, ExampleSet evalSet) {
        double limit = explosionLimit(train);
        // Re-seeding per epoch makes dropout masks the same in a resumed and an uninterrupted run;
        // the data order and augmentation depend only on (seed, epoch) too.
        Engine.getInstance().setRandomSeed(Long.hashCode(config.settings().seed() * 31 + epoch));
        long start = System.nanoTime();
        double lossSum = 0;
        double correct = 0;
        long images = 0;
        int index = 0;
        float rate = config.settings().learningRate();
        BatchOptions options = BatchOptions.training(config.settings().batchSize(), config.settings().seed())
                .withAugmentation(config.augmentation()).withNormalization(config.normalization());
        try (BatchStream batches = BatchStream.open(train, options, epoch)) {
            int batchCount = config.limitBatches() == 0 ? batches.batchCount()
                    : Math.min(config.limitBatches(), batches.batchCount());
            progress.epochStarted(epoch, config.settings().epochs(), batchCount);
            long totalSteps = (long) batchCount * config.settings().epochs();
            Iterator<Batch> it = batches.iterator();
            long stepStart = StepProfile.now(profile);
            while (index < batchCount && it.hasNext()) { // batchCount < all: --limit-batches, a smoke run
                Batch batch = it.next();
                StepProfile.add(profile, StepProfile.Phase.DATA, stepStart);
                index++;
                rate = config.settings().schedule().rate(config.settings().learningRate(), step, totalSteps);
                DjlSteps.Outcome outcome = trainStep(batch, epoch, index, batches.batchCount(), rate, train);
                lossSum += outcome.lossSum();
                correct += outcome.correct();
                images += outcome.size();
                progress.batchDone(index, lossSum / images, images, System.nanoTime() - start, rate);
                stepStart = StepProfile.stepDone(profile, outcome.size(), stepStart);
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Evaluation eval = evaluate(evalSet);
        if (eval.examples() > 0 && !Double.isFinite(eval.loss())) {
            // the last step made the parameters non-finite; they must not become a checkpoint
            throw new TrainingDivergedException(epoch, index, "the " + evalTarget
                    + " loss (measured after the last batch)", eval.loss(), config.settings().learningRate(), lastGood());
        }
        if (eval.examples() > 0 && eval.loss() > limit) {
            throw new TrainingDivergedException(epoch, index, "the " + evalTarget + " loss (measured after the last"
                    + " batch), " + exploded(train) + ",", eval.loss(), config.settings().learningRate(), lastGood());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        steps.epochDone();
        lastScore = eval.metrics().selection();
        return new EpochStats(epoch, lossSum / images, correct / images, eval.loss(), eval.accuracy(),
                seconds, images / trainSeconds, rate, eval.metrics().values());
    }

    /** One optimizer step, refusing a non-finite or exploded loss before it touches the parameters. */
    private DjlSteps.Outcome trainStep(Batch batch, int epoch, int index, int count, float rate, ExampleSet train) {
        DjlSteps.Outcome outcome = memory.call(() -> steps.forwardBackward(batch, index, count));
        if (!Double.isFinite(outcome.lossSum())) {
            throw new TrainingDivergedException(epoch, index, "the training loss", outcome.meanLoss(),
                    config.settings().learningRate(), lastGood());
        }
        if (outcome.meanLoss() > explosionLimit(train)) {
            throw new TrainingDivergedException(epoch, index, "the training loss, " + exploded(train) + ",",
                    outcome.meanLoss(), config.settings().learningRate(), lastGood());
        }
        steps.learningRate(rate);
        long t = StepProfile.now(profile);
        memory.run(steps::step);
        StepProfile.add(profile, StepProfile.Phase.OPTIMIZER, t);
        step++;
        if (!placementChecked) {
            // once per run: a resumed run restores step from the checkpoint, so step says nothing
            // about whether this process has put the parameters on the right device
            placementCheck.verify(block, devices.primary());
            placementChecked = true;
        }
        return outcome;
    }

    /** The chart's title (model, run directory) and subtitles (data, settings) for this run. */
    private RunCaption caption(ExampleSet train, ExampleSet evalSet) {
        String run = store == null ? "(not saved)" : String.valueOf(store.dir().toAbsolutePath().normalize().getFileName());
        int limit = config.limitBatches();
        long trained = limit > 0 ? Math.min(train.size(), (long) limit * config.settings().batchSize()) : train.size();
        long evaluated = limit > 0 ? Math.min(evalSet.size(), (long) limit * config.settings().batchSize()) : evalSet.size();
        String data = String.format(java.util.Locale.ROOT, "training: %s (%s); %s: %s (%s)", train.name(),
                images(trained, train.size(), limit), evalTarget.id(), evalSet.name(), images(evaluated, evalSet.size(), limit));
        String settings = String.format(java.util.Locale.ROOT, "%d epoch(s), batch %d, Adam lr %s (%s)%s, seed %d",
                config.settings().epochs(), config.settings().batchSize(), Float.toString(config.settings().learningRate()), config.settings().schedule().format(),
                config.settings().weightDecay() > 0 ? ", weight decay " + config.settings().weightDecay() : "", config.settings().seed());
        return new RunCaption(config.modelName(), run, List.of(data, settings));
    }

    /** {@code 54,000 images}, or with --limit-batches {@code 1,920 of 54,000 images (first 30 batches)}. */
    private static String images(long used, long all, int limitBatches) {
        return used == all ? String.format(java.util.Locale.ROOT, "%,d images", all)
                : String.format(java.util.Locale.ROOT, "%,d of %,d images (first %d batch%s)", used, all, limitBatches,
                        limitBatches == 1 ? "" : "es");
    }

    private String exploded(ExampleSet train) {
        if (!(config.task() instanceof TaskSpec.MultiClass)) {
            return String.format(java.util.Locale.ROOT, "more than %.0f times the %.2f of a model that knows nothing",
                    EXPLOSION_FACTOR, config.task().chanceLoss(train.classes()));
        }
        return String.format(java.util.Locale.ROOT, "more than %.0f times the %.2f of a uniform guess over %d classes",
                EXPLOSION_FACTOR, chanceLoss(train.classes()), train.classes());
    }

    private void save() {
        if (store == null) {
            return;
        }
        try {
            TrainingState state = new TrainingState(epoch, step, bestEpoch, bestAccuracy, config.settings().seed(),
                    config.recorded(), evalTarget, ModelSignature.of(block), data, history);
            OptimizerState optimizer = steps.optimizerState(block);
            store.saveEpoch(block, state, optimizer, evalTarget.selectsBest() && bestEpoch == epoch);
            HistoryFiles.writeAll(store.dir(), history, evalTarget.id(), caption);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint or history to " + store.dir()
                    + ": " + e.getMessage() + ". " + committedCheckpoint(), e);
        }
    }

    /** What a failed save left: the committed checkpoint it did not touch, or none. */
    private String committedCheckpoint() {
        if (!store.exists(CheckpointStore.LAST)) {
            return "No checkpoint had been committed there yet and this save left no file behind;"
                    + " make room (or choose another --out) and run again.";
        }
        int committed;
        try {
            committed = store.loadState(CheckpointStore.LAST).epoch();
        } catch (RuntimeException unreadable) {
            return "The checkpoint committed there before is intact.";
        }
        return "The checkpoint committed there (epoch " + committed + ") is intact; make room (or copy the"
                + " directory elsewhere) and continue with --resume.";
    }

    private String lastGood() {
        if (store == null) {
            return "no checkpoint was written (no output directory)";
        }
        return store.exists(CheckpointStore.LAST)
                ? "the last good checkpoint (epoch " + epoch + ") is kept in " + store.dir()
                : "no epoch had finished, so " + store.dir() + " holds no checkpoint";
    }
}
