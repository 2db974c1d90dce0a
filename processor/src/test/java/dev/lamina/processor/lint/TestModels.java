package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.FlattenSpec;
import dev.lamina.processor.model.GlobalAvgPoolSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.ModelTask;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.PoolType;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds {@link ShapedModel}s by hand for lint tests, reading like the DSL:
 * {@code model(1, 28, 28).field("conv1").conv(32, 3).bn().relu().field("drop").dropout(0.3)...build()}.
 * Each {@link Builder#field} starts a field; the operations after it are that field's annotations,
 * left to right. Shapes and parameter counts are computed here (simple formulas, square kernels).
 */
final class TestModels {

    private TestModels() {}

    static Builder model(int... input) {
        return new Builder("TestModel", input);
    }

    static Builder model(String simpleName, int... input) {
        return new Builder(simpleName, input);
    }

    /** A {@code task} network on (784): a hidden ReLU layer, then {@code out} of {@code units} and {@code last}. */
    static Builder endingIn(ModelTask task, int units, ActivationFn last) {
        return model(784).task(task).field("fc1").dense(64).relu().field("out").dense(units).act(last);
    }

    /** The canonical MLP: (784) -> fc1 @Dense(128) @ReLU -> drop1 @Dropout(rate) -> logits @Dense(10). */
    static ShapedModel mlp(double rate) {
        return model(784)
                .field("fc1").dense(128).relu()
                .field("drop1").dropout(rate)
                .field("logits").dense(10)
                .build();
    }

    static final class Builder {
        private final String simpleName;
        private final TensorShape input;
        private final List<ShapedLayer> layers = new ArrayList<>();
        private final Set<String> classSuppressions = new HashSet<>();
        private final Map<String, Set<String>> fieldSuppressions = new HashMap<>();
        private final Set<String> names = new HashSet<>();
        private TensorShape current;
        private ModelRole role;
        private ModelTask task = ModelTask.MULTI_CLASS;
        private String field;
        private int annotationIndex;

        private Builder(String simpleName, int[] input) {
            this.simpleName = simpleName;
            this.input = TensorShape.of(input);
            this.current = this.input;
        }

        /** Starts a field: the next operations are its annotations. */
        Builder field(String name) {
            field = name;
            annotationIndex = 0;
            return this;
        }

        /** {@code @Conv(filters, kernel)} with SAME padding (the DSL default). */
        Builder conv(int filters, int kernel) {
            return conv(filters, kernel, PaddingMode.SAME, true);
        }

        /** {@code @Conv(filters, kernel, padding = VALID)} (Keras's default). */
        Builder convValid(int filters, int kernel) {
            return conv(filters, kernel, PaddingMode.VALID, true);
        }

        Builder conv(int filters, int kernel, PaddingMode padding, boolean bias) {
            int h = padding == PaddingMode.SAME ? current.dim(1) : current.dim(1) - kernel + 1;
            int w = padding == PaddingMode.SAME ? current.dim(2) : current.dim(2) - kernel + 1;
            long params = (long) filters * current.dim(0) * kernel * kernel + (bias ? filters : 0);
            return add(new ConvSpec(name("conv"), origin("Conv"), filters, kernel, 1, padding, 1, bias),
                    TensorShape.of(filters, h, w), params, 0);
        }

        /** {@code @DepthwiseConv(kernel, multiplier, bias)} with SAME padding and stride 1 (the DSL defaults). */
        Builder depthwise(int kernel, int multiplier, boolean bias) {
            int channels = current.dim(0) * multiplier;
            long params = (long) channels * kernel * kernel + (bias ? channels : 0);
            return add(new DepthwiseConvSpec(name("dwconv"), origin("DepthwiseConv"), kernel, 1, PaddingMode.SAME, 1,
                    multiplier, bias), TensorShape.of(channels, current.dim(1), current.dim(2)), params, 0);
        }

        Builder dense(int units) {
            return dense(units, true);
        }

        Builder dense(int units, boolean bias) {
            long params = current.size() * units + (bias ? units : 0);
            return add(new DenseSpec(name("dense"), origin("Dense"), units, bias), TensorShape.of(units), params, 0);
        }

        /**
         * An {@code activation =} attribute on the weighted layer just added (same field and
         * annotation index, attribute "activation").
         */
        Builder withActivation(ActivationFn fn) {
            ShapedLayer weighted = layers.get(layers.size() - 1);
            Origin origin = weighted.spec().origin().withAttribute("activation");
            String name = field + "_" + fn.suffix();
            names.add(name);
            layers.add(new ShapedLayer(new ActivationSpec(name, origin, fn, 0), current, current, 0, 0));
            return this;
        }

        Builder bn() {
            long channels = current.dim(0);
            return add(new BatchNormSpec(name("bn"), origin("BatchNorm"), 0.9, 1e-5), current,
                    2 * channels, 2 * channels);
        }

        Builder dropout(double rate) {
            return add(new DropoutSpec(name("dropout"), origin("Dropout"), rate, false), current, 0, 0);
        }

        Builder spatialDropout(double rate) {
            return add(new DropoutSpec(name("spatial_dropout"), origin("SpatialDropout"), rate, true), current, 0, 0);
        }

        Builder maxPool(int size) {
            return pool(PoolType.MAX, size, "MaxPool");
        }

        Builder avgPool(int size) {
            return pool(PoolType.AVG, size, "AvgPool");
        }

        private Builder pool(PoolType type, int size, String annotation) {
            TensorShape out = TensorShape.of(current.dim(0), current.dim(1) / size, current.dim(2) / size);
            return add(new PoolSpec(name("pool"), origin(annotation), type, size, size, PaddingMode.VALID), out, 0, 0);
        }

        Builder flatten() {
            return add(new FlattenSpec(name("flatten"), origin("Flatten")), TensorShape.of((int) current.size()), 0, 0);
        }

        Builder globalAvgPool() {
            return add(new GlobalAvgPoolSpec(name("gap"), origin("GlobalAvgPool")), TensorShape.of(current.dim(0)), 0, 0);
        }

        Builder relu() {
            return act(ActivationFn.RELU);
        }

        Builder softmax() {
            return act(ActivationFn.SOFTMAX);
        }

        /** An activation annotation ({@code @ReLU}, {@code @Sigmoid}, ...). */
        Builder act(ActivationFn fn) {
            return add(new ActivationSpec(name(fn.suffix()), origin(fn.displayName()), fn, 0), current, 0, 0);
        }

        /** A field whose type is another model: {@code block}'s layers inlined. */
        Builder subModel(ShapedModel block, boolean residual) {
            String annotation = residual ? "Residual" : null;
            LayerSpec spec = new SubModelSpec(name("block"), origin(annotation), block.spec(), residual, false);
            return addSubModel(spec, block);
        }

        /** A {@code @Residual(projection = true)} field: the shortcut is a 1x1 conv and a batch norm. */
        Builder projectedResidual(ShapedModel block) {
            LayerSpec spec = new SubModelSpec(name("block"), origin("Residual"), block.spec(), true, true);
            return addSubModel(spec, block);
        }

        /** The canonical head: gap @GlobalAvgPool -> logits @Dense(10). */
        Builder gapHead() {
            return field("gap").globalAvgPool().field("logits").dense(10);
        }

        Builder suppressField(String fieldName, String... values) {
            fieldSuppressions.computeIfAbsent(fieldName, k -> new HashSet<>()).addAll(Arrays.asList(values));
            return this;
        }

        Builder suppressClass(String... values) {
            classSuppressions.addAll(Arrays.asList(values));
            return this;
        }

        /** {@code @Model(role)}: what the model declares itself to be. */
        Builder role(ModelRole declared) {
            role = declared;
            return this;
        }

        /** {@code @Model(task)}: what the network predicts. */
        Builder task(ModelTask declared) {
            task = declared;
            return this;
        }

        ShapedModel build() {
            List<LayerSpec> specs = layers.stream().map(ShapedLayer::spec).toList();
            ModelSpec spec = new ModelSpec("test", simpleName, "test." + simpleName, simpleName + "Net",
                    input.dims(), specs, classSuppressions, fieldSuppressions, role, task);
            return new ShapedModel(spec, input, layers);
        }

        private String name(String suffix) {
            if (field == null) {
                throw new IllegalStateException("call field(name) before adding layers");
            }
            String name = annotationIndex == 0 ? field : field + "_" + suffix;
            for (int n = 2; names.contains(name); n++) {
                name = field + "_" + suffix + n;
            }
            names.add(name);
            return name;
        }

        private Origin origin(String annotation) {
            return new Origin(field, annotation, annotationIndex, null);
        }

        /** A sub-model field whose inside, as the lints see it, is {@code block}. */
        private Builder addSubModel(LayerSpec spec, ShapedModel block) {
            layers.add(new ShapedLayer(spec, current, block.output(), block.totalParams(), 0, OptionalInt.empty(), block));
            current = block.output();
            annotationIndex++;
            return this;
        }

        private Builder add(LayerSpec spec, TensorShape out, long trainable, long nonTrainable) {
            layers.add(new ShapedLayer(spec, current, out, trainable, nonTrainable));
            current = out;
            annotationIndex++;
            return this;
        }
    }
}
