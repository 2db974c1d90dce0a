package dev.lamina.runtime.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.checkpoint.OptimizerState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam (Kingma and Ba, with bias correction; betas 0.9 and 0.999, epsilon 1e-8, the PyTorch
 * engine's fused update) whose state can be saved and restored: DJL's {@code Adam} keeps its
 * moment estimates private and counts updates by parameter ids that change from one process to
 * the next, so a resumed run would restart them. This one exports them by parameter name ({@link
 * #export}) and takes them back ({@link #restore}).
 *
 * <p>The rate of each step is whatever {@link #learningRate(float)} last set (the run computes it
 * from its schedule and global step). State is kept per parameter and device; with several devices
 * every copy receives the same gradients, so the primary device's state stands for all of them.
 */
final class ResumableAdam extends Optimizer {

    static final String NAME = "adam";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final String MEAN = "mean";
    private static final String VARIANCE = "variance";

    /** Per parameter id, per device: the moment estimates and the update count. */
    private final Map<String, Map<Device, Slot>> slots = new ConcurrentHashMap<>();
    /** Restored state by parameter id, copied onto each device at that parameter's first update. */
    private final Map<String, Restored> restored = new ConcurrentHashMap<>();
    private volatile float learningRate;

    private static final class Slot {
        final NDArray mean;
        final NDArray variance;
        int updates;

        Slot(NDArray mean, NDArray variance, int updates) {
            this.mean = mean;
            this.variance = variance;
            this.updates = updates;
        }
    }

    private record Restored(NDArray mean, NDArray variance, int updates) {}

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }

    private final float weightDecay;

    ResumableAdam(float learningRate) {
        this(learningRate, 0f);
    }

    /**
     * @param weightDecay decoupled weight decay (AdamW: each step also shrinks the weights by {@code
     *     rate * weightDecay} of themselves); 0 for plain Adam
     */
    ResumableAdam(float learningRate, float weightDecay) {
        super(new Builder());
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** The rate of the following updates. */
    void learningRate(float rate) {
        this.learningRate = rate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        Slot slot = slots.computeIfAbsent(parameterId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(weight.getDevice(), device -> newSlot(parameterId, weight));
        slot.updates++;
        float rate = learningRate;
        double correction = Math.sqrt(1 - Math.pow(BETA2, slot.updates)) / (1 - Math.pow(BETA1, slot.updates));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, slot.mean, slot.variance),
                new NDList(weight), rate, (float) (rate * correction), weightDecay, rescaleGrad,
                clipGrad, BETA1, BETA2, EPSILON, true, weightDecay > 0);
    }

    private Slot newSlot(String parameterId, NDArray weight) {
        Restored saved = restored.get(parameterId);
        if (saved == null) {
            return new Slot(weight.zerosLike(), weight.zerosLike(), 0);
        }
        if (saved.mean().getDevice().equals(weight.getDevice())) {
            // the usual case (one device): the restored arrays become the state, no copy
            return new Slot(saved.mean(), saved.variance(), saved.updates());
        }
        NDArray mean = saved.mean().toDevice(weight.getDevice(), true);
        NDArray variance = saved.variance().toDevice(weight.getDevice(), true);
        mean.attach(weight.getManager());
        variance.attach(weight.getManager());
        return new Slot(mean, variance, saved.updates());
    }

    /** The state of the parameters of {@code block} on {@code primary}, by parameter name. */
    OptimizerState export(Block block, Device primary) {
        Map<String, Integer> updates = new LinkedHashMap<>();
        Map<String, Map<String, NDArray>> arrays = new LinkedHashMap<>();
        for (var entry : block.getParameters()) {
            Map<Device, Slot> perDevice = slots.get(entry.getValue().getId());
            Slot slot = perDevice == null ? null : perDevice.get(primary);
            if (slot != null) {
                updates.put(entry.getKey(), slot.updates);
                Map<String, NDArray> named = new LinkedHashMap<>();
                named.put(MEAN, slot.mean);
                named.put(VARIANCE, slot.variance);
                arrays.put(entry.getKey(), named);
            }
        }
        return new OptimizerState(NAME, updates, arrays);
    }

    /**
     * Takes back what {@link #export} gave for the same model; the arrays are used from each
     * parameter's next update on.
     *
     * @throws CheckpointException when the state is another optimizer's or does not fit the block
     */
    void restore(Block block, OptimizerState state) {
        if (!NAME.equals(state.optimizer())) {
            throw new CheckpointException("the checkpoint holds the state of the optimizer '" + state.optimizer()
                    + "', not of Lamina's Adam; start a new run in another directory");
        }
        Map<String, Parameter> byName = new HashMap<>();
        for (var entry : block.getParameters()) {
            byName.put(entry.getKey(), entry.getValue());
        }
        state.arrays().forEach((name, named) -> {
            Parameter parameter = byName.get(name);
            NDArray mean = named.get(MEAN);
            NDArray variance = named.get(VARIANCE);
            if (parameter == null || mean == null || variance == null
                    || !mean.getShape().equals(parameter.getArray().getShape())
                    || !variance.getShape().equals(parameter.getArray().getShape())) {
                throw new CheckpointException("the optimizer state in the checkpoint does not fit the model at"
                        + " parameter '" + name + "'; start a new run in another directory");
            }
            restored.put(parameter.getId(), new Restored(mean, variance, state.updates().getOrDefault(name, 0)));
        });
    }
}
