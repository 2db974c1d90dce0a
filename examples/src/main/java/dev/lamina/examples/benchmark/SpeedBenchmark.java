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
import dev.lamina.runtime.data.LabeledImages;
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
 * <p>The step is written here with DJL's own {@code Trainer} (Adam 0.001, softmax cross-entropy,
 * the same as {@code dev.lamina.runtime.train}) because the benchmark needs to time the data and
 * compute halves of each step separately, and compares blocks, not trainers.
 */
public final class SpeedBenchmark {

    /**
     * @param batchSize examples per step
     * @param warmupBatches untimed steps per network before measuring
     * @param timedBatches timed steps per network
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
                             LabeledImages data, Settings settings, PrintStream out) {
        Device device = DeviceChoice.parse(settings.device()).resolve().primary();
        int steps = settings.warmupBatches() + settings.timedBatches();
        BatchOptions options = BatchOptions.training(settings.batchSize(), settings.seed())
                .withDropLast(true);
        if (options.batchCount(data.size()) < steps) {
            throw new IllegalArgumentException(data.name() + " holds only "
                    + options.batchCount(data.size()) + " batches of " + settings.batchSize()
                    + "; lower --warmup, --batches or --batch-size");
        }
        try (Network gen = new Network("generated", generated, data, settings, device);
             Network hand = new Network("hand-written", handWritten, data, settings, device);
             BatchStream batches = BatchStream.open(data, options, 0)) {
            Iterator<Batch> it = batches.iterator();
            out.printf(Locale.ROOT, "Warm-up: %d steps each%n", settings.warmupBatches());
            for (int step = 0; step < steps; step++) {
                boolean timed = step >= settings.warmupBatches();
                long t0 = System.nanoTime();
                Batch batch = it.next();
                long wait = System.nanoTime() - t0;
                boolean genFirst = step % 2 == 0;
                (genFirst ? gen : hand).step(batch, wait, timed);
                (genFirst ? hand : gen).step(batch, wait, timed);
                int done = step - settings.warmupBatches() + 1;
                if (timed && done % 10 == 0) {
                    out.printf(Locale.ROOT, "  %3d/%d timed steps  generated %.1f images/s,"
                                    + " hand-written %.1f images/s (medians so far)%n", done,
                            settings.timedBatches(), gen.measurement().imagesPerSecond(),
                            hand.measurement().imagesPerSecond());
                }
            }
            return new Report(gen.measurement(), hand.measurement());
        }
    }

    /** One network with its own model, trainer and step times. */
    private static final class Network implements AutoCloseable {
        private final String label;
        private final LabeledImages data;
        private final int batchSize;
        private final Model model;
        private final Trainer trainer;
        private final double[] stepSeconds;
        private int timedSteps;
        private double dataSeconds;
        private double computeSeconds;

        Network(String label, Supplier<Block> block, LabeledImages data, Settings settings,
                Device device) {
            this.label = label;
            this.data = data;
            this.batchSize = settings.batchSize();
            this.stepSeconds = new double[settings.timedBatches()];
            Engine.getInstance().setRandomSeed((int) settings.seed());
            model = Model.newInstance(label, device);
            model.setBlock(block.get());
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f))
                            .build())
                    .optDevices(new Device[] {device}));
            trainer.initialize(new Shape(settings.batchSize(), data.channels(), data.height(),
                    data.width()));
        }

        /** One training step on {@code batch}; {@code waitNanos} is the time the batch took. */
        void step(Batch batch, long waitNanos, boolean timed) {
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
                if (timed) {
                    double dataTime = (waitNanos + t1 - t0) / 1e9;
                    double computeTime = (t2 - t1) / 1e9;
                    stepSeconds[timedSteps++] = dataTime + computeTime;
                    dataSeconds += dataTime;
                    computeSeconds += computeTime;
                }
            }
        }

        Measurement measurement() {
            double[] sorted = Arrays.copyOf(stepSeconds, timedSteps);
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Measurement(label, batchSize, median, dataSeconds, computeSeconds);
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }
}
