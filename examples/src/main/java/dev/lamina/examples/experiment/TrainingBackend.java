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
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.BatchStream;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ONE adapter between the examples and the runtime's data and training API: loading a
 * dataset, and training one generated model with one seed into a {@link RunRecord}.
 *
 * <p>Data comes from {@code dev.lamina.runtime.data}. TEMPORARY: until
 * {@code dev.lamina.runtime.train} lands, this class carries a minimal DJL training loop so the
 * experiment runs end to end; it is replaced by the runtime's trainer as soon as that exists.
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

    /** Fixed seed of the training subset, so every model and seed sees the same examples. */
    static final long SUBSET_SEED = 20_241_124L;

    private TrainingBackend() {
    }

    /**
     * Reads {@code dataset} from {@code dir} (its default directory when {@code dir} is null);
     * keeps a stratified subset of {@code trainSubset} training examples when it is positive
     * (the test set is always whole).
     *
     * @throws dev.lamina.runtime.data.DatasetException when files are missing or damaged
     */
    public static DataSplits load(DatasetKind dataset, Path dir, int trainSubset) {
        DataSplits splits = Datasets.load(dataset.id(), dir);
        return trainSubset > 0
                ? splits.subset(trainSubset, splits.test().size(), SUBSET_SEED) : splits;
    }

    /** Trains a fresh block of {@code net} with {@code seed} and evaluates it after every epoch. */
    public static RunRecord train(GeneratedNet net, DataSplits data, Budget budget, long seed,
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
                for (int epoch = 1; epoch <= budget.epochs(); epoch++) {
                    long start = System.nanoTime();
                    double[] lossAcc = trainEpoch(trainer, data.train(),
                            BatchOptions.training(budget.batchSize(), seed), epoch);
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

    private static double[] trainEpoch(Trainer trainer, LabeledImages data, BatchOptions options,
                                       int epoch) {
        double lossSum = 0;
        long correct = 0;
        try (BatchStream batches = BatchStream.open(data, options, epoch)) {
            for (Batch batch : batches) {
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDList[] xy = tensors(manager, batch, data);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(xy[0]);
                        NDArray loss = trainer.getLoss().evaluate(xy[1], logits);
                        collector.backward(loss);
                        lossSum += loss.getFloat() * batch.size();
                        correct += countCorrect(logits.singletonOrThrow(), xy[1].singletonOrThrow());
                    }
                    trainer.step();
                }
            }
        }
        return new double[] {lossSum / data.size(), (double) correct / data.size()};
    }

    private static double evaluate(Trainer trainer, LabeledImages data, int batchSize) {
        long correct = 0;
        try (BatchStream batches = BatchStream.open(data, BatchOptions.evaluation(batchSize), 0)) {
            for (Batch batch : batches) {
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    NDList[] xy = tensors(manager, batch, data);
                    NDList logits = trainer.evaluate(xy[0]);
                    correct += countCorrect(logits.singletonOrThrow(), xy[1].singletonOrThrow());
                }
            }
        }
        return (double) correct / data.size();
    }

    private static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(labels.getDataType(), false).eq(labels).countNonzero()
                .getLong();
    }

    /**
     * Turns a batch of {@code data} into an (N, C, H, W) image tensor and an (N) label tensor
     * owned by {@code manager}; returns {images, labels}.
     */
    public static NDList[] tensors(NDManager manager, Batch batch, LabeledImages data) {
        float[] labels = new float[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = batch.labels()[i];
        }
        NDArray images = manager.create(batch.images(), new Shape(batch.size(), data.channels(),
                data.height(), data.width()));
        return new NDList[] {new NDList(images), new NDList(manager.create(labels))};
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
}
