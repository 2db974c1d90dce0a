package dev.lamina.examples.benchmark;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.BatchStream;
import dev.lamina.runtime.data.LabeledImages;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Trains two blocks of the same network in one process on the same batches and measures
 * training throughput. After {@code warmupBatches} untimed steps each, it runs {@code rounds}
 * rounds of {@code timedBatches} steps per contender, alternating which goes first to cancel
 * drift (thermal, other processes). Both contenders read the same batches: the runtime's
 * {@link BatchStream} (prefetching, as in training) with the same seed and epoch. Each step's
 * time is split into the data pipeline (waiting for the next batch and creating its tensors) and
 * compute (forward, backward, optimizer step, waiting for the loss).
 */
public final class SpeedBenchmark {

    /**
     * @param batchSize examples per step
     * @param warmupBatches untimed steps per contender before measuring
     * @param timedBatches timed steps per contender per round
     * @param rounds rounds; the contenders alternate who goes first
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param seed initialization and batch order
     */
    public record Settings(int batchSize, int warmupBatches, int timedBatches, int rounds,
                           String device, long seed) {}

    /**
     * The timed steps of one contender, summed over rounds.
     *
     * @param label what was measured
     * @param images images trained on
     * @param dataSeconds time building batches
     * @param computeSeconds time in forward, backward and optimizer step
     */
    public record Measurement(String label, long images, double dataSeconds,
                              double computeSeconds) {
        /** Training throughput, data pipeline included. */
        public double imagesPerSecond() {
            return images / (dataSeconds + computeSeconds);
        }

        /** The data pipeline's share of step time, in [0, 1]. */
        public double dataShare() {
            return dataSeconds / (dataSeconds + computeSeconds);
        }
    }

    /** Both contenders' measurements. */
    public record Report(Measurement generated, Measurement handWritten) {
        /** Generated images/s divided by hand-written images/s (>= 0.98 is the target). */
        public double ratio() {
            return generated.imagesPerSecond() / handWritten.imagesPerSecond();
        }
    }

    private SpeedBenchmark() {
    }

    /** Runs the benchmark and prints one line per round and contender. */
    public static Report run(Supplier<Block> generated, Supplier<Block> handWritten,
                             LabeledImages data, Settings settings, PrintStream out) {
        Device device = TrainingBackend.device(settings.device());
        try (Contender gen = new Contender("generated", generated, data, settings, device);
             Contender hand = new Contender("hand-written", handWritten, data, settings, device)) {
            out.printf(Locale.ROOT, "Warm-up: %d steps each%n", settings.warmupBatches());
            gen.steps(0, settings.warmupBatches(), false);
            hand.steps(0, settings.warmupBatches(), false);
            for (int round = 1; round <= settings.rounds(); round++) {
                Contender first = round % 2 == 1 ? gen : hand;
                Contender second = first == gen ? hand : gen;
                for (Contender c : List.of(first, second)) {
                    double[] times = c.steps(round, settings.timedBatches(), true);
                    out.printf(Locale.ROOT, "  round %d  %-12s %8.1f images/s  (data %.1f%%)%n",
                            round, c.label, settings.timedBatches() * settings.batchSize()
                                    / (times[0] + times[1]), 100 * times[0] / (times[0] + times[1]));
                }
            }
            return new Report(gen.total(), hand.total());
        }
    }

    /** One network with its own model, trainer and time totals. */
    private static final class Contender implements AutoCloseable {
        private final String label;
        private final LabeledImages data;
        private final BatchOptions options;
        private final Model model;
        private final Trainer trainer;
        private long images;
        private double dataSeconds;
        private double computeSeconds;

        Contender(String label, Supplier<Block> block, LabeledImages data, Settings settings,
                  Device device) {
            this.label = label;
            this.data = data;
            this.options = BatchOptions.training(settings.batchSize(), settings.seed())
                    .withDropLast(true);
            Engine.getInstance().setRandomSeed((int) settings.seed());
            model = Model.newInstance(label, device);
            model.setBlock(block.get());
            trainer = model.newTrainer(TrainingBackend.config(1e-3f, device));
            trainer.initialize(new Shape(settings.batchSize(), data.channels(), data.height(),
                    data.width()));
        }

        /**
         * Runs the first {@code count} batches of epoch {@code epoch}; returns {data seconds,
         * compute seconds}, added to the totals if {@code timed}.
         */
        double[] steps(int epoch, int count, boolean timed) {
            double dataTime = 0;
            double computeTime = 0;
            int done = 0;
            try (BatchStream batches = BatchStream.open(data, options, epoch)) {
                Iterator<Batch> it = batches.iterator();
                while (done < count && it.hasNext()) {
                    try (NDManager manager = trainer.getManager().newSubManager()) {
                        long t0 = System.nanoTime();
                        NDList[] xy = TrainingBackend.tensors(manager, it.next(), data);
                        long t1 = System.nanoTime();
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray loss = trainer.getLoss().evaluate(xy[1],
                                    trainer.forward(xy[0]));
                            collector.backward(loss);
                            loss.getFloat();
                        }
                        trainer.step();
                        long t2 = System.nanoTime();
                        dataTime += (t1 - t0) / 1e9;
                        computeTime += (t2 - t1) / 1e9;
                        done++;
                    }
                }
            }
            if (done < count) {
                throw new IllegalArgumentException("the data holds only " + done + " batches of "
                        + options.batchSize() + "; lower --batches or --batch-size");
            }
            if (timed) {
                images += (long) done * options.batchSize();
                dataSeconds += dataTime;
                computeSeconds += computeTime;
            }
            return new double[] {dataTime, computeTime};
        }

        Measurement total() {
            return new Measurement(label, images, dataSeconds, computeSeconds);
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }
}
