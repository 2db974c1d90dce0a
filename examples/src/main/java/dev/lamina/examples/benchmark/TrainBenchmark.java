package dev.lamina.examples.benchmark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.descriptor.LayerDescriptor;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.descriptor.OnnxRecipe;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.StepProfile;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Training measured against the machine's limit ({@code lamina benchmark train}, docs/performance.md):
 *
 * <ul>
 *   <li>{@link #train}: a model trained by Lamina's own loop ({@link Trainer} with a {@link
 *       StepProfile}), images/s at the median step, the achieved GFLOP/s from the compile-time
 *       count ({@link NetDescriptor#macs()}: a training step is 3 x the forward MACs (forward,
 *       backward to the inputs, backward to the weights), 2 FLOPs each, per image), and each
 *       phase's share of the step;
 *   <li>{@link #convolutions}: what libtorch itself reaches on the same model's convolutions, each
 *       layer's forward and backward through DJL's lowest API ({@code JniUtils.convolution}, autograd
 *       on the input where the model needs it and on the weight), no Lamina and no DJL block in
 *       between;
 *   <li>{@link #dropout}: DJL's {@code Dropout} block against libtorch's {@code torch::dropout}
 *       called directly ({@code JniUtils.dropout}), the same mask made from libtorch's uniform
 *       generator, a ReLU and a 3x3 convolution on the same tensor.
 * </ul>
 *
 * All timings alternate their candidates and take medians, in one process, so the load of other
 * processes hits each alike.
 */
public final class TrainBenchmark {

    /**
     * @param batchSize examples per step
     * @param warmupSteps untimed steps (training) or repetitions (kernels) first
     * @param timedSteps timed training steps, and timed repetitions of each kernel
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param seed initialization and batch order
     */
    public record Settings(int batchSize, int warmupSteps, int timedSteps, String device, long seed) {}

    /**
     * One model trained by Lamina's loop.
     *
     * @param model its name
     * @param macs forward multiply-accumulates per image, from its descriptor
     * @param batchSize images per step
     * @param profile the timed steps' phases
     */
    public record Training(String model, long macs, int batchSize, StepProfile profile) {
        /** Images per second at the median step. */
        public double imagesPerSecond() {
            return batchSize / profile.medianStepSeconds();
        }

        /** FLOPs of one image's training step: 3 x forward MACs (forward, two backward products) x 2. */
        public double flopsPerImage() {
            return 6.0 * macs;
        }

        /** Achieved GFLOP/s at the median step. */
        public double gflops() {
            return flopsPerImage() * imagesPerSecond() / 1e9;
        }
    }

    /**
     * One convolution's forward and backward in libtorch alone.
     *
     * @param layer its block name
     * @param flops its FLOPs per call: 2 x MACs x batch for the forward, the weight gradient and,
     *     unless it is the model's first layer (whose input needs no gradient), the input gradient
     * @param medianSeconds median time of one forward + backward
     */
    public record Kernel(String layer, double flops, double medianSeconds) {
        public double gflops() {
            return flops / medianSeconds / 1e9;
        }
    }

    private TrainBenchmark() {}

    /** {@code net} trained for warm-up + timed steps of {@code data}'s training set by Lamina's {@link Trainer}. */
    public static Training train(GeneratedNet net, DataSplits data, Settings settings) {
        StepProfile profile = new StepProfile(settings.warmupSteps());
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(settings.batchSize()).seed(settings.seed())
                .schedule(LearningRateSchedule.constant()).device(DeviceChoice.parse(settings.device()))
                .limitBatches(settings.warmupSteps() + settings.timedSteps()).modelName(net.name()).build();
        new Trainer(config, profile).fit(net.newBlock(), net.inputShape(), data.train(), null, data.test());
        return new Training(net.name(), net.net().descriptor().macs(), settings.batchSize(), profile);
    }

    /**
     * Median seconds of a training step of a fresh {@code net} by DJL alone, the same arithmetic as
     * Lamina's loop (forward, softmax cross-entropy, backward, Adam's fused update) on one fixed
     * random batch: no data pipeline, no metrics, no host read but the one the step needs (none), no
     * Lamina code. Lamina's median step over this is what its loop costs on top of DJL and libtorch.
     */
    public static double bareDjlStep(GeneratedNet net, Settings settings) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Shape input = new Shape(settings.batchSize()).addAll(net.inputShape().slice(1));
        try (ai.djl.Model model = ai.djl.Model.newInstance("bare")) {
            model.setBlock(net.newBlock());
            ai.djl.training.loss.Loss loss = ai.djl.training.loss.Loss.softmaxCrossEntropyLoss();
            try (ai.djl.training.Trainer trainer = model.newTrainer(new ai.djl.training.DefaultTrainingConfig(loss)
                    .optOptimizer(ai.djl.training.optimizer.Optimizer.adam().build()))) {
                trainer.initialize(input);
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomNormal(input);
                NDArray y = manager.randomInteger(0, net.outputShape().get(1), new Shape(settings.batchSize()),
                        ai.djl.ndarray.types.DataType.INT64);
                Runnable step = () -> {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray l = loss.evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        collector.backward(l);
                        l.close();
                    }
                    trainer.step();
                };
                return alternate(Map.of("bare", step), settings).get("bare");
            }
        }
    }

    /** Each convolution of {@code net} (sub-models' too), forward and backward on a batch, through {@code JniUtils}. */
    public static List<Kernel> convolutions(NetDescriptor net, Settings settings) {
        List<LayerDescriptor.Layer> convs = new ArrayList<>();
        collectConvolutions(net.layers(), convs);
        Map<String, Runnable> candidates = new LinkedHashMap<>();
        Map<String, Double> flops = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (LayerDescriptor.Layer conv : convs) {
                boolean first = conv == firstLayer(net.layers());
                OnnxRecipe.OnnxNode node = conv.onnx().nodes().get(0);
                long[] strides = ints(node, "strides");
                long[] pads = ints(node, "pads");
                long[] dilations = ints(node, "dilations");
                int groups = (int) intAttribute(node, "group");
                long channels = conv.in().get(0);
                long filters = conv.out().get(0);
                long kernel = ints(node, "kernel_shape")[0];
                NDArray x = manager.randomNormal(new Shape(settings.batchSize()).addAll(conv.in()));
                NDArray w = manager.randomNormal(new Shape(filters, channels / groups, kernel, kernel)).mul(0.1);
                NDArray b = manager.zeros(new Shape(filters));
                x.setRequiresGradient(!first);
                w.setRequiresGradient(true);
                Shape stride = new Shape(strides[0], strides[1]);
                Shape padding = new Shape(pads[0], pads[1]);
                Shape dilation = new Shape(dilations[0], dilations[1]);
                candidates.put(conv.name(), trained(() -> JniUtils.convolution((PtNDArray) x, (PtNDArray) w,
                        (PtNDArray) b, stride, padding, dilation, groups)));
                flops.put(conv.name(), 2.0 * conv.macs() * settings.batchSize() * (first ? 2 : 3));
            }
            Map<String, Double> medians = alternate(candidates, settings);
            List<Kernel> kernels = new ArrayList<>();
            medians.forEach((name, seconds) -> kernels.add(new Kernel(name, flops.get(name), seconds)));
            return kernels;
        }
    }

    /**
     * Median seconds of a forward and backward pass, training on, on one tensor of {@code shape}
     * (with the batch axis): DJL's {@code Dropout} block, {@code torch::dropout} through {@code
     * JniUtils.dropout}, the same mask made by hand ({@code randomUniform >= rate}, times {@code x},
     * divided by {@code 1 - rate}), a ReLU ({@code JniUtils.relu}) and a 3x3 convolution keeping the
     * channels, by name.
     */
    public static Map<String, Double> dropout(Shape shape, float rate, Settings settings) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(shape);
            x.setRequiresGradient(true);
            long channels = shape.get(1);
            NDArray w = manager.randomNormal(new Shape(channels, channels, 3, 3)).mul(0.1);
            NDArray b = manager.zeros(new Shape(channels));
            w.setRequiresGradient(true);
            Dropout block = Dropout.builder().optRate(rate).build();
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, shape);
            ParameterStore store = new ParameterStore(manager, false);
            Map<String, Runnable> candidates = new LinkedHashMap<>();
            candidates.put(DJL_DROPOUT, trained(() -> block.forward(store, new NDList(x), true).singletonOrThrow()));
            candidates.put(TORCH_DROPOUT, trained(() -> JniUtils.dropout((PtNDArray) x, rate, true)));
            candidates.put(UNIFORM_MASK, () -> {
                try (NDManager masks = manager.newSubManager()) { // the mask's arrays are freed after each call
                    trained(() -> x.mul(masks.randomUniform(0, 1, shape).gte(rate)
                            .toType(ai.djl.ndarray.types.DataType.FLOAT32, false).div(1 - rate))).run();
                }
            });
            candidates.put(RELU, trained(() -> JniUtils.relu((PtNDArray) x)));
            candidates.put(CONV, trained(() -> JniUtils.convolution((PtNDArray) x, (PtNDArray) w, (PtNDArray) b,
                    new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)));
            return alternate(candidates, settings);
        }
    }

    /** The names of {@link #dropout}'s candidates. */
    public static final String DJL_DROPOUT = "DJL Dropout block";
    public static final String TORCH_DROPOUT = "torch::dropout (JniUtils.dropout)";
    public static final String UNIFORM_MASK = "mask by hand: uniform >= rate, x mask / (1 - rate)";
    public static final String RELU = "ReLU (JniUtils.relu)";
    public static final String CONV = "3x3 conv, same channels (JniUtils.convolution)";

    /**
     * {@code forward} in a gradient collector, then its backward (autograd, a gradient of ones), as a
     * training step runs it; the output and the graph it holds are freed after.
     */
    private static Runnable trained(Supplier<NDArray> forward) {
        return () -> {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = forward.get();
                collector.backward(y);
                y.close();
            }
        };
    }

    /**
     * Each candidate's median seconds: warm-up repetitions, then timed ones, the candidates taking
     * turns (the first one moves each repetition).
     */
    private static Map<String, Double> alternate(Map<String, Runnable> candidates,
                                                 Settings settings) {
        List<String> names = new ArrayList<>(candidates.keySet());
        Map<String, double[]> times = new LinkedHashMap<>();
        names.forEach(n -> times.put(n, new double[settings.timedSteps()]));
        for (int rep = 0; rep < settings.warmupSteps() + settings.timedSteps(); rep++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((rep + k) % names.size());
                Runnable call = candidates.get(name);
                long t0 = System.nanoTime();
                call.run();
                long t1 = System.nanoTime();
                if (rep >= settings.warmupSteps()) {
                    times.get(name)[rep - settings.warmupSteps()] = (t1 - t0) / 1e9;
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, t) -> medians.put(name, median(t)));
        return medians;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void collectConvolutions(List<LayerDescriptor> layers, List<LayerDescriptor.Layer> convs) {
        for (LayerDescriptor layer : layers) {
            if (layer instanceof LayerDescriptor.Layer kind && kind.macs() > 0
                    && kind.onnx().nodes().size() == 1 && kind.onnx().nodes().get(0).op().equals("Conv")) {
                convs.add(kind);
            } else if (layer instanceof LayerDescriptor.SubModel sub) {
                collectConvolutions(sub.layers(), convs);
                collectConvolutions(sub.projection(), convs);
            }
        }
    }

    private static LayerDescriptor firstLayer(List<LayerDescriptor> layers) {
        LayerDescriptor first = layers.get(0);
        return first instanceof LayerDescriptor.SubModel sub && !sub.layers().isEmpty() ? firstLayer(sub.layers()) : first;
    }

    private static long[] ints(OnnxRecipe.OnnxNode node, String name) {
        for (OnnxRecipe.Attribute a : node.attributes()) {
            if (a instanceof OnnxRecipe.Attribute.IntsAttribute ints && a.name().equals(name)) {
                return ints.values().stream().mapToLong(Long::longValue).toArray();
            }
        }
        throw new IllegalArgumentException("the Conv node has no " + name);
    }

    private static long intAttribute(OnnxRecipe.OnnxNode node, String name) {
        for (OnnxRecipe.Attribute a : node.attributes()) {
            if (a instanceof OnnxRecipe.Attribute.IntAttribute i && a.name().equals(name)) {
                return i.value();
            }
        }
        throw new IllegalArgumentException("the Conv node has no " + name);
    }
}
