package dev.lamina.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.OptimizerState;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.task.Scores;
import dev.lamina.runtime.task.TaskMetrics;
import dev.lamina.runtime.task.TaskSpec;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DJL side of training: turns {@link Batch}es into tensors, runs forward and backward (split
 * across the devices when there are several), applies Adam ({@link ResumableAdam}, whose state goes into checkpoints), and evaluates with training off. One
 * instance per run; it owns a DJL {@code Trainer}.
 */
final class DjlSteps implements AutoCloseable {

    /** Summed loss and correct count of one training batch, before the optimizer step. */
    record Outcome(double lossSum, double correct, int size) {
        double meanLoss() {
            return lossSum / size;
        }
    }

    private final ai.djl.training.Trainer trainer;
    private final TaskSpec task;
    private final Loss loss;
    private final Device[] devices;
    private final Shape exampleShape;
    private final ResumableAdam optimizer;
    private final Shape outputShape;
    private final boolean listening;
    /** Where the step's phases are timed; null: no clock is read. */
    private StepProfile profile;

    DjlSteps(Model model, Device[] devices, float learningRate, Shape inputShapeWithBatch) {
        this(model, devices, learningRate, 0f, inputShapeWithBatch);
    }

    DjlSteps(Model model, Device[] devices, float learningRate, float weightDecay, Shape inputShapeWithBatch) {
        this(model, devices, learningRate, weightDecay, inputShapeWithBatch, List.of());
    }

    DjlSteps(Model model, Device[] devices, float learningRate, float weightDecay, Shape inputShapeWithBatch,
             List<TrainingListener> listeners) {
        this(model, devices, learningRate, weightDecay, inputShapeWithBatch, listeners, new TaskSpec.MultiClass());
    }

    /**
     * @param listeners DJL listeners: told when training begins and ends (by DJL's trainer), after
     *     every training and evaluation batch and after every epoch ({@link #epochDone()})
     */
    DjlSteps(Model model, Device[] devices, float learningRate, float weightDecay, Shape inputShapeWithBatch,
             List<TrainingListener> listeners, TaskSpec task) {
        this.task = task;
        this.loss = task.loss();
        this.devices = devices;
        this.listening = !listeners.isEmpty();
        this.exampleShape = inputShapeWithBatch.slice(1);
        this.optimizer = new ResumableAdam(learningRate, weightDecay);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optDevices(devices)
                .optOptimizer(optimizer);
        listeners.forEach(config::addTrainingListeners);
        trainer = model.newTrainer(config);
        trainer.initialize(inputShapeWithBatch);
        outputShape = model.getBlock().getOutputShapes(new Shape[] {inputShapeWithBatch})[0].slice(1);
    }

    /** Times the phases of the following steps into {@code profile} (null: none). */
    void profile(StepProfile profile) {
        this.profile = profile;
    }

    /** Where the steps' phases are timed, or null. */
    StepProfile profile() {
        return profile;
    }

    /** The model's output shape per example, e.g. {@code (10)}. */
    Shape outputShape() {
        return outputShape;
    }

    /** Forward and backward on one batch; the gradients wait for {@link #step()}. */
    Outcome forwardBackward(Batch batch) {
        return forwardBackward(batch, 0, 0);
    }

    /**
     * Forward and backward on batch {@code progress} of {@code total} (what the DJL listeners are
     * told); the gradients wait for {@link #step()}.
     */
    Outcome forwardBackward(Batch batch, long progress, long total) {
        try (NDManager m = trainer.getManager().newSubManager();
             GradientCollector collector = trainer.newGradientCollector()) {
            long t = StepProfile.now(profile);
            NDArray x = images(m, batch);
            NDArray y = labels(m, batch);
            t = StepProfile.add(profile, StepProfile.Phase.DATA, t);
            int parts = Math.min(devices.length, batch.size());
            double lossSum = 0;
            double correct = 0;
            Map<Device, NDList> labelsByDevice = new LinkedHashMap<>();
            Map<Device, NDList> predictionsByDevice = new LinkedHashMap<>();
            for (int i = 0; i < parts; i++) {
                long from = (long) batch.size() * i / parts;
                long to = (long) batch.size() * (i + 1) / parts;
                NDArray xi = parts == 1 ? x : x.get(from + ":" + to).toDevice(devices[i], false);
                NDArray yi = parts == 1 ? y : y.get(from + ":" + to).toDevice(devices[i], false);
                NDList labels = new NDList(yi);
                NDList predictions = trainer.forward(new NDList(xi), labels);
                NDArray l = loss.evaluate(labels, predictions);
                collector.backward(l);
                t = StepProfile.add(profile, StepProfile.Phase.FORWARD_BACKWARD, t);
                lossSum += l.getFloat() * (to - from);
                correct += task.correct(predictions.singletonOrThrow(), yi);
                t = StepProfile.add(profile, StepProfile.Phase.METRICS, t);
                labelsByDevice.put(devices[i], labels);
                predictionsByDevice.put(devices[i], predictions);
            }
            if (listening) {
                TrainingListener.BatchData data = batchData(m, x, y, progress, total, labelsByDevice,
                        predictionsByDevice);
                trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, data));
            }
            return new Outcome(lossSum, correct, batch.size());
        }
    }

    /** Sets the rate that the following {@link #step()}s use. */
    void learningRate(float rate) {
        optimizer.learningRate(rate);
    }

    /** The optimizer's state for a checkpoint, by parameter name. */
    OptimizerState optimizerState(Block block) {
        return optimizer.export(block, devices[0]);
    }

    /** Continues from the optimizer state of a checkpoint of the same model. */
    void restoreOptimizer(Block block, OptimizerState state) {
        optimizer.restore(block, state);
    }

    /** Applies the optimizer to the gradients of the last {@link #forwardBackward}. */
    void step() {
        trainer.step();
    }

    /** Loss, accuracy and confusion matrix over all batches, training off, on the first device. */
    Evaluation evaluate(Iterator<Batch> batches) {
        double lossSum = 0;
        long correct = 0;
        int examples = 0;
        ConfusionMatrix confusion = null;
        TaskSpec.Metrics metrics = null;
        while (batches.hasNext()) {
            Batch batch = batches.next();
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray y = labels(m, batch);
                NDList labels = new NDList(y);
                NDArray x = images(m, batch);
                NDList predictions = trainer.evaluate(new NDList(x));
                NDArray logits = predictions.singletonOrThrow();
                if (listening) {
                    TrainingListener.BatchData data = batchData(m, x, y, examples, 0,
                            Map.of(devices[0], labels), Map.of(devices[0], predictions));
                    trainer.notifyListeners(listener -> listener.onValidationBatch(trainer, data));
                }
                lossSum += loss.evaluate(labels, predictions).getFloat() * batch.size();
                examples += batch.size();
                if (!(task instanceof TaskSpec.MultiClass)) {
                    int outputs = Math.toIntExact(logits.getShape().get(1));
                    if (metrics == null) {
                        metrics = task.metrics(outputs);
                        confusion = new ConfusionMatrix(task instanceof TaskSpec.Binary ? 2 : 0);
                    }
                    float[] rows = logits.toFloatArray();
                    metrics.add(rows, batch.labels(), batch.targets(), batch.size());
                    if (task instanceof TaskSpec.Binary binary) {
                        for (int i = 0; i < batch.size(); i++) {
                            confusion.add(batch.labels()[i], Scores.sigmoid(rows[i]) >= binary.threshold() ? 1 : 0);
                        }
                    }
                    continue;
                }
                long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                if (confusion == null) {
                    confusion = new ConfusionMatrix(Math.toIntExact(logits.getShape().get(1)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    int truth = batch.labels()[i];
                    if (truth >= confusion.classes()) {
                        throw new InvalidInputException("label " + truth + " is outside the model's "
                                + confusion.classes() + " output classes; the data does not match the model");
                    }
                    confusion.add(truth, (int) predicted[i]);
                    correct += predicted[i] == truth ? 1 : 0;
                }
            }
        }
        if (examples == 0) {
            return new Evaluation(Double.NaN, Double.NaN, 0, new ConfusionMatrix(0));
        }
        TaskMetrics measured = metrics == null ? TaskMetrics.accuracyOnly((double) correct / examples) : metrics.result();
        return new Evaluation(lossSum / examples, measured.accuracy(), examples, confusion, measured);
    }

    /** Tells the DJL listeners that an epoch ended. */
    void epochDone() {
        if (listening) {
            trainer.notifyListeners(listener -> listener.onEpoch(trainer));
        }
    }

    private static TrainingListener.BatchData batchData(NDManager m, NDArray x, NDArray y, long progress, long total,
                                                        Map<Device, NDList> labels, Map<Device, NDList> predictions) {
        ai.djl.training.dataset.Batch batch = new ai.djl.training.dataset.Batch(m, new NDList(x), new NDList(y),
                Math.toIntExact(x.getShape().get(0)), Batchifier.STACK, Batchifier.STACK, progress, total);
        return new TrainingListener.BatchData(batch, labels, predictions);
    }

    private NDArray images(NDManager m, Batch batch) {
        int size = batch.size();
        int values = Math.toIntExact(exampleShape.size() * size);
        if (batch.images().length != values) {
            throw new InvalidInputException("a batch of " + size + " examples holds "
                    + batch.images().length + " values, but the model input " + exampleShape
                    + " needs " + values + "; the data does not match the model's input shape");
        }
        Shape shape = new Shape(size).addAll(exampleShape);
        return m.create(FloatBuffer.wrap(batch.images(), 0, values), shape, DataType.FLOAT32);
    }

    private NDArray labels(NDManager m, Batch batch) {
        int outputs = outputShape.dimension() == 1 ? Math.toIntExact(outputShape.get(0)) : Integer.MAX_VALUE;
        return task.labels(m, batch.labels(), batch.targets(), batch.size(), outputs);
    }

    @Override
    public void close() {
        trainer.close();
    }
}
