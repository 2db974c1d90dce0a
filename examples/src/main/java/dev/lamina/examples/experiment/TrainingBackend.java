package dev.lamina.examples.experiment;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.LabeledImages;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The ONE adapter between the examples and the runtime's data and training API: loading a
 * dataset, and training one generated model with one seed into a {@link RunRecord}.
 *
 * <p>TEMPORARY: until {@code dev.lamina.runtime.data} and {@code dev.lamina.runtime.train} land,
 * this class carries a minimal IDX reader and a minimal DJL training loop so the experiment runs
 * end to end. Both are replaced by calls into the runtime as soon as it exists.
 */
public final class TrainingBackend {

    /**
     * The training budget shared by every run of an experiment.
     *
     * @param epochs full passes over the training set
     * @param batchSize examples per step
     * @param learningRate Adam's learning rate
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     */
    public record Budget(int epochs, int batchSize, float learningRate, String device) {}

    /** Training and test split of one dataset. */
    public record Splits(LabeledImages train, LabeledImages test) {}

    private TrainingBackend() {
    }

    /**
     * Reads {@code dataset} from {@code dir}; keeps the first {@code trainSubset} training
     * examples when it is positive (the test set is always whole).
     */
    public static Splits load(DatasetChoice dataset, Path dir, int trainSubset) throws IOException {
        if (dataset != DatasetChoice.FASHION_MNIST && dataset != DatasetChoice.MNIST) {
            throw new IllegalArgumentException(dataset.id()
                    + " needs the runtime's dataset readers, which this build does not have yet");
        }
        LabeledImages train = readIdx(dataset.id() + " train", dir, "train", 10);
        LabeledImages test = readIdx(dataset.id() + " test", dir, "t10k", 10);
        return new Splits(subset(train, trainSubset), test);
    }

    /** Trains a fresh block of {@code net} with {@code seed} and evaluates it after every epoch. */
    public static RunRecord train(GeneratedNet net, Splits data, Budget budget, long seed,
                                  PrintStream progress) {
        Engine.getInstance().setRandomSeed((int) seed);
        Device device = device(budget.device());
        List<EpochRecord> history = new ArrayList<>();
        try (Model model = Model.newInstance(net.name(), device)) {
            model.setBlock(net.newBlock());
            try (Trainer trainer = model.newTrainer(config(budget.learningRate(), device))) {
                Shape input = net.inputShape();
                trainer.initialize(new Shape(budget.batchSize(), input.get(1), input.get(2),
                        input.get(3)));
                Random order = new Random(seed);
                for (int epoch = 1; epoch <= budget.epochs(); epoch++) {
                    long start = System.nanoTime();
                    double[] lossAcc = trainEpoch(trainer, data.train(), budget.batchSize(), order);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double test = evaluate(trainer, data.test(), budget.batchSize());
                    EpochRecord record = new EpochRecord(epoch, lossAcc[0], lossAcc[1], test, seconds);
                    history.add(record);
                    progress.printf(Locale.ROOT, "    epoch %d/%d  loss %.4f  train acc %.4f  test acc %.4f"
                                    + "  %.1f s  %.0f images/s%n", epoch, budget.epochs(),
                            record.trainLoss(), record.trainAccuracy(), test, seconds,
                            data.train().size() / seconds);
                    if (!Double.isFinite(record.trainLoss())) {
                        throw new TrainingFailedException(net.name() + ": loss is "
                                + record.trainLoss() + " in epoch " + epoch
                                + "; lower --lr or check the data");
                    }
                }
            }
        }
        return new RunRecord(net.name(), net.parameterCount(), seed, history);
    }

    /** Softmax cross-entropy on logits, Adam with a fixed learning rate, one device. */
    public static DefaultTrainingConfig config(float learningRate, Device device) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(learningRate)).build())
                .optDevices(new Device[] {device});
    }

    private static double[] trainEpoch(Trainer trainer, LabeledImages data, int batchSize,
                                       Random order) {
        int[] indices = shuffled(data.size(), order);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < indices.length; from += batchSize) {
            int[] batch = Arrays.copyOfRange(indices, from, Math.min(from + batchSize, indices.length));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList[] xy = tensors(manager, data, batch);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList logits = trainer.forward(xy[0]);
                    NDArray loss = trainer.getLoss().evaluate(xy[1], logits);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.length;
                    correct += countCorrect(logits.singletonOrThrow(), xy[1].singletonOrThrow());
                }
                trainer.step();
            }
        }
        return new double[] {lossSum / data.size(), (double) correct / data.size()};
    }

    private static double evaluate(Trainer trainer, LabeledImages data, int batchSize) {
        long correct = 0;
        int[] indices = new int[data.size()];
        Arrays.setAll(indices, i -> i);
        for (int from = 0; from < indices.length; from += batchSize) {
            int[] batch = Arrays.copyOfRange(indices, from, Math.min(from + batchSize, indices.length));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList[] xy = tensors(manager, data, batch);
                NDList logits = trainer.evaluate(xy[0]);
                correct += countCorrect(logits.singletonOrThrow(), xy[1].singletonOrThrow());
            }
        }
        return (double) correct / data.size();
    }

    private static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(labels.getDataType(), false).eq(labels).countNonzero()
                .getLong();
    }

    /**
     * The data pipeline's step: gathers the examples at {@code batch} into an (N, C, H, W) image
     * tensor and an (N) label tensor owned by {@code manager}; returns {images, labels}.
     */
    public static NDList[] tensors(NDManager manager, LabeledImages data, int[] batch) {
        int size = data.exampleSize();
        float[] x = new float[batch.length * size];
        float[] y = new float[batch.length];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(data.images(), batch[i] * size, x, i * size, size);
            y[i] = data.labels()[batch[i]];
        }
        NDArray images = manager.create(x, new Shape(batch.length, data.channels(), data.height(),
                data.width()));
        return new NDList[] {new NDList(images), new NDList(manager.create(y))};
    }

    private static int[] shuffled(int n, Random random) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        return indices;
    }

    /** The DJL device for {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
    public static Device device(String choice) {
        String c = choice.toLowerCase(Locale.ROOT);
        if (c.equals("auto")) {
            return Engine.getInstance().defaultDevice();
        }
        if (c.equals("cpu")) {
            return Device.cpu();
        }
        if (c.equals("gpu")) {
            return Device.gpu();
        }
        if (c.startsWith("gpu:")) {
            return Device.gpu(Integer.parseInt(c.substring(4)));
        }
        throw new IllegalArgumentException("Unknown device '" + choice
                + "'; use auto, cpu, gpu or gpu:N");
    }

    private static LabeledImages subset(LabeledImages all, int n) {
        if (n <= 0 || n >= all.size()) {
            return all;
        }
        int size = all.exampleSize();
        return new LabeledImages(all.name() + " (first " + n + ")", all.channels(), all.height(),
                all.width(), all.classes(), Arrays.copyOf(all.images(), n * size),
                Arrays.copyOf(all.labels(), n));
    }

    private static LabeledImages readIdx(String name, Path dir, String prefix, int classes)
            throws IOException {
        float[] images;
        int rows;
        int cols;
        try (DataInputStream in = open(dir, prefix + "-images-idx3-ubyte")) {
            in.readInt();
            int n = in.readInt();
            rows = in.readInt();
            cols = in.readInt();
            byte[] raw = in.readNBytes(n * rows * cols);
            images = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                images[i] = (raw[i] & 0xff) / 255f;
            }
        }
        int[] labels;
        try (DataInputStream in = open(dir, prefix + "-labels-idx1-ubyte")) {
            in.readInt();
            byte[] raw = in.readNBytes(in.readInt());
            labels = new int[raw.length];
            Arrays.setAll(labels, i -> raw[i]);
        }
        return new LabeledImages(name, 1, rows, cols, classes, images, labels);
    }

    private static DataInputStream open(Path dir, String base) throws IOException {
        Path gz = dir.resolve(base + ".gz");
        InputStream in = Files.exists(gz) ? new GZIPInputStream(Files.newInputStream(gz))
                : Files.newInputStream(dir.resolve(base));
        return new DataInputStream(new java.io.BufferedInputStream(in));
    }
}
