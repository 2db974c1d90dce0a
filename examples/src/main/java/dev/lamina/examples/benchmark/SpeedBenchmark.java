package dev.lamina.examples.benchmark;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.BatchStream;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.device.DeviceChoice;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Trains two blocks of the same network in one process on the same batches and measures
 * training throughput.
 *
 * <p>Both read one stream of batches from the runtime's {@link BatchStream} (prefetching, as in
 * training). After {@code warmupBatches} untimed steps each, every timed batch is trained by both
 * networks back to back, alternating which goes first, so drift and load spikes from other
 * processes hit both alike. Throughput is computed from the MEDIAN step time, which a few
 * disturbed steps do not move. Each step's time is split into the data pipeline (waiting for the
 * batch and creating its tensors) and compute (forward, backward, optimizer step, waiting for the
 * loss).
 *
 * <p>The measurement runs in two rounds with fresh networks: in the first the generated network is
 * built first, in the second the hand-written one. The network built first measured 1 to 2% slower
 * even when both were the same network (an A/A run), so each network takes each slot once and
 * their step times are pooled; half of {@code timedBatches} are timed in each round.
 *
 * <p>The step is written here with DJL's own {@code Trainer} and {@code Adam} (constant rate 0.001,
 * softmax cross-entropy: the arithmetic of {@code dev.lamina.runtime.train} without its schedule)
 * because the benchmark needs to time the data and compute halves of each step separately, and
 * compares blocks, not trainers.
 */
public final class SpeedBenchmark {

    /**
     * @param batchSize examples per step
     * @param warmupBatches untimed steps per network at the start of each of the two rounds
     * @param timedBatches timed steps per network, over both rounds (at least 2)
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param seed initialization and batch order
     */
    public record Settings(int batchSize, int warmupBatches, int timedBatches, String device,
                           long seed) {}

    /**
     * The timed steps of one network.
     *
     * @param label what was measured
     * @param batchSize images per step
     * @param medianStepSeconds median of data + compute time per step
     * @param dataSeconds total time in the data pipeline
     * @param computeSeconds total time in forward, backward and optimizer step
     */
    public record Measurement(String label, int batchSize, double medianStepSeconds,
                              double dataSeconds, double computeSeconds) {
        /** Training throughput at the median step time, data pipeline included. */
        public double imagesPerSecond() {
            return batchSize / medianStepSeconds;
        }

        /** The data pipeline's share of total step time, in [0, 1]. */
        public double dataShare() {
            return dataSeconds / (dataSeconds + computeSeconds);
        }
    }

    /** Both networks' measurements. */
    public record Report(Measurement generated, Measurement handWritten) {
        /** Generated images/s divided by hand-written images/s (>= 0.98 is the target). */
        public double ratio() {
            return generated.imagesPerSecond() / handWritten.imagesPerSecond();
        }
    }

    private SpeedBenchmark() {
    }

    /** Runs the benchmark, printing a progress line every 10 timed steps. */
    public static Report run(Supplier<Block> generated, Supplier<Block> handWritten,
                             ExampleSet data, Settings settings, PrintStream out) {
        if (settings.timedBatches() < 2) {
            throw new IllegalArgumentException("the benchmark times at least 2 steps per network (one per"
                    + " round), got " + settings.timedBatches());
        }
        Device device = DeviceChoice.parse(settings.device()).resolve().primary();
        int firstRoundTimed = settings.timedBatches() / 2;
        int[] timedPerRound = {firstRoundTimed, settings.timedBatches() - firstRoundTimed};
        int steps = 2 * settings.warmupBatches() + settings.timedBatches();
        BatchOptions options = BatchOptions.training(settings.batchSize(), settings.seed())
                .withDropLast(true);
        if (options.batchCount(data.size()) < steps) {
            throw new IllegalArgumentException(data.name() + " holds only "
                    + options.batchCount(data.size()) + " batches of " + settings.batchSize()
                    + ", the benchmark needs " + steps + "; lower --warmup, --batches or --batch-size");
        }
        StepTimes gen = new StepTimes("generated", settings);
        StepTimes hand = new StepTimes("hand-written", settings);
        try (BatchStream batches = BatchStream.open(data, options, 0)) {
            Iterator<Batch> it = batches.iterator();
            for (int round = 0; round < 2; round++) {
                boolean generatedBuiltFirst = round == 0;
                out.printf(Locale.ROOT, "Round %d of 2 (%s network built first): %d warm-up + %d timed steps"
                                + " each%n", round + 1, generatedBuiltFirst ? "generated" : "hand-written",
                        settings.warmupBatches(), timedPerRound[round]);
                try (Network first = new Network(generatedBuiltFirst ? generated : handWritten, data, settings,
                        device);
                     Network second = new Network(generatedBuiltFirst ? handWritten : generated, data, settings,
                             device)) {
                    Network genNet = generatedBuiltFirst ? first : second;
                    Network handNet = generatedBuiltFirst ? second : first;
                    for (int step = 0; step < settings.warmupBatches() + timedPerRound[round]; step++) {
                        boolean timed = step >= settings.warmupBatches();
                        long t0 = System.nanoTime();
                        Batch batch = it.next();
                        long wait = System.nanoTime() - t0;
                        boolean genFirst = step % 2 == 0;
                        (genFirst ? genNet : handNet).step(batch, wait, timed ? (genFirst ? gen : hand) : null);
                        (genFirst ? handNet : genNet).step(batch, wait, timed ? (genFirst ? hand : gen) : null);
                        if (timed && gen.count() % 10 == 0) {
                            out.printf(Locale.ROOT, "  %3d/%d timed steps  generated %.1f images/s,"
                                            + " hand-written %.1f images/s (medians so far)%n", gen.count(),
                                    settings.timedBatches(), gen.measurement().imagesPerSecond(),
                                    hand.measurement().imagesPerSecond());
                        }
                    }
                }
            }
        }
        return new Report(gen.measurement(), hand.measurement());
    }

    /** The timed steps of one network, over both rounds. */
    private static final class StepTimes {
        private final String label;
        private final int batchSize;
        private final double[] stepSeconds;
        private int count;
        private double dataSeconds;
        private double computeSeconds;

        StepTimes(String label, Settings settings) {
            this.label = label;
            this.batchSize = settings.batchSize();
            this.stepSeconds = new double[settings.timedBatches()];
        }

        void add(double dataTime, double computeTime) {
            stepSeconds[count++] = dataTime + computeTime;
            dataSeconds += dataTime;
            computeSeconds += computeTime;
        }

        int count() {
            return count;
        }

        Measurement measurement() {
            double[] sorted = Arrays.copyOf(stepSeconds, count);
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Measurement(label, batchSize, median, dataSeconds, computeSeconds);
        }
    }

    /** One network with its own model and trainer. */
    private static final class Network implements AutoCloseable {
        private final ExampleSet data;
        private final Model model;
        private final Trainer trainer;

        Network(Supplier<Block> block, ExampleSet data, Settings settings, Device device) {
            this.data = data;
            Engine.getInstance().setRandomSeed((int) settings.seed());
            model = Model.newInstance("benchmark", device);
            model.setBlock(block.get());
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f))
                            .build())
                    .optDevices(new Device[] {device}));
            trainer.initialize(new Shape(settings.batchSize(), data.channels(), data.height(),
                    data.width()));
        }

        /**
         * One training step on {@code batch}; {@code waitNanos} is the time the batch took. The
         * step's times go to {@code times}, or nowhere when it is null (warm-up).
         */
        void step(Batch batch, long waitNanos, StepTimes times) {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                long t0 = System.nanoTime();
                NDArray images = manager.create(batch.images(), new Shape(batch.size(),
                        data.channels(), data.height(), data.width()));
                float[] labels = new float[batch.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = batch.labels()[i];
                }
                NDList x = new NDList(images);
                NDList y = new NDList(manager.create(labels));
                long t1 = System.nanoTime();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(y, trainer.forward(x));
                    collector.backward(loss);
                    loss.getFloat();
                }
                trainer.step();
                long t2 = System.nanoTime();
                if (times != null) {
                    times.add((waitNanos + t1 - t0) / 1e9, (t2 - t1) / 1e9);
                }
            }
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }
}
