package dev.lamina.processor.shape;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.FlattenSpec;
import dev.lamina.processor.model.GlobalAvgPoolSpec;
import dev.lamina.processor.model.GlobalMaxPoolSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.PaddingMode;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.SubModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Compile-time shape inference and parameter counting, in pure Java: one method per layer kind.
 * Walks the layers from {@code @Model(input)}; a layer that cannot take its input yields an
 * ERROR finding and the shape after it becomes unknown, so the layers after it are not reported
 * as its consequences. The walk goes on: a layer whose output does not depend on its input's
 * shape ({@code @Dense}: (units); a sub-model: its own output) makes the shape known again, and
 * the layers after it are checked, so every independent error of a model is reported in one
 * compile. Layers with attribute errors (from {@link dev.lamina.processor.model.SpecValidator})
 * are skipped the same way.
 */
public final class ShapeInference {

    /**
     * The outcome for one model.
     *
     * @param model the shaped model, or {@code null} when there is an error
     * @param findings errors and warnings found on the way
     */
    public record Result(ShapedModel model, List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }

        /** Whether shapes could be inferred for every layer. */
        public boolean ok() {
            return model != null;
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    /** The model whose layers this inference walks (its simple name is in some messages). */
    private final ModelSpec model;
    /**
     * Sub-models already shaped in this inference, by qualified name and input: a sub-model used
     * by many fields is shaped once, so nesting does not multiply the work.
     */
    private final Map<String, Result> subModels;

    private ShapeInference(ModelSpec model, Map<String, Result> subModels) {
        this.model = model;
        this.subModels = subModels;
    }

    /** Shapes of the model fed its declared {@code @Model(input)}. */
    public static Result infer(ModelSpec model) {
        return infer(model, List.of());
    }

    /**
     * Shapes of the model fed its declared {@code @Model(input)}, skipping the layers that
     * {@code attributeErrors} (findings of {@link dev.lamina.processor.model.SpecValidator}) are
     * about: such a layer passes its input on when it keeps the shape (dropout, batch norm,
     * activations) and otherwise leaves the shape unknown. The model is null when there is any error.
     */
    public static Result infer(ModelSpec model, List<Finding> attributeErrors) {
        if (model.inputFromUseSite()) {
            throw new IllegalArgumentException(model.qualifiedName()
                    + " takes its input from where it is used: it is shaped there, with that input");
        }
        return infer(model, new TensorShape(model.input()), attributeErrors);
    }

    /** Shapes of the model's layers fed {@code input} (sub-models receive their field's input). */
    public static Result infer(ModelSpec model, TensorShape input) {
        return infer(model, input, List.of(), new HashMap<>());
    }

    private static Result infer(ModelSpec model, TensorShape input, List<Finding> attributeErrors) {
        return infer(model, input, attributeErrors, new HashMap<>());
    }

    private static Result infer(ModelSpec model, TensorShape input, List<Finding> attributeErrors,
                                Map<String, Result> subModels) {
        ShapeInference inference = new ShapeInference(model, subModels);
        if (!input.fitsInt()) {
            inference.findings.add(Problem.shapeTooLarge(Origin.ofModel("input"),
                    "model '" + model.simpleName() + "' (@Model)", "the input " + input + " with "
                            + count(input.size()) + " elements per example", "a size that large",
                    "correct @Model(input); images this large must be tiled or downscaled first"));
            return new Result(null, inference.findings);
        }
        List<ShapedLayer> layers = new ArrayList<>();
        TensorShape current = input; // null: unknown after an error
        boolean complete = true;
        long total = 0;
        for (LayerSpec layer : model.layers()) {
            if (hasAttributeError(layer, attributeErrors)) {
                complete = false;
                current = layer.keepsShape() ? current : null;
                continue;
            }
            ShapedLayer shaped = current == null ? null : inference.shapeChecked(layer, current);
            if (shaped == null) {
                complete = false;
                current = outputWhateverTheInput(layer);
                continue;
            }
            try {
                total = Math.addExact(total, shaped.params());
            } catch (ArithmeticException overflow) {
                inference.findings.add(Problem.parameterCountOverflow(layer.origin(), layer.name(),
                        "the model's parameter count up to this layer",
                        "check the sizes of this and the earlier weighted layers"));
                return new Result(null, inference.findings);
            }
            layers.add(shaped);
            current = shaped.out();
        }
        boolean failed = !complete || inference.findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new Result(failed ? null : new ShapedModel(model, input, layers, inference.findings), inference.findings);
    }

    private static boolean hasAttributeError(LayerSpec layer, List<Finding> attributeErrors) {
        return attributeErrors.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && layer.field() != null && layer.field().equals(f.origin().field())
                && layer.origin().annotationIndex() == f.origin().annotationIndex());
    }

    /**
     * The output shape of a layer whose input shape is unknown or wrong, when it does not depend on
     * that input: (units) for a dense layer, the declared output for a valid sub-model. Else null.
     */
    private static TensorShape outputWhateverTheInput(LayerSpec layer) {
        return layer.accept(OUTPUT_WHATEVER_THE_INPUT, null);
    }

    /** {@link #outputWhateverTheInput}, per kind. */
    private static final LayerSpec.Visitor<TensorShape, Void> OUTPUT_WHATEVER_THE_INPUT = new LayerSpec.Visitor<>() {
        @Override
        public TensorShape visitConv(ConvSpec conv, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitDepthwiseConv(DepthwiseConvSpec conv, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitDense(DenseSpec dense, Void unused) {
            return TensorShape.of(dense.units());
        }

        @Override
        public TensorShape visitBatchNorm(BatchNormSpec batchNorm, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitDropout(DropoutSpec dropout, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitPool(PoolSpec pool, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitGlobalAvgPool(GlobalAvgPoolSpec pool, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitGlobalMaxPool(GlobalMaxPoolSpec pool, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitFlatten(FlattenSpec flatten, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitActivation(ActivationSpec activation, Void unused) {
            return null;
        }

        @Override
        public TensorShape visitSubModel(SubModelSpec sub, Void unused) {
            if (sub.model().inputFromUseSite()) {
                return null; // its output depends on the input it cannot have
            }
            Result inner = infer(sub.model());
            return inner.ok() ? inner.model().output() : null;
        }
    };

    /** {@link #shape}, plus the size limits: a count overflowing a long, an example beyond an int. */
    private ShapedLayer shapeChecked(LayerSpec layer, TensorShape in) {
        ShapedLayer shaped;
        try {
            shaped = shape(layer, in);
        } catch (ArithmeticException overflow) {
            findings.add(Problem.parameterCountOverflow(layer.origin(), layer.name(), "its parameter count",
                    "check this layer's attributes"));
            return null;
        }
        if (shaped != null && !shaped.out().fitsInt()) {
            findings.add(Problem.shapeTooLarge(layer.origin(), describe(layer),
                    "its output " + shaped.out(), count(shaped.out().size()) + " elements per example",
                    "shrink H and W earlier (pooling or a strided @Conv), use fewer filters or units, "
                            + "and check @Model(input)"));
            return null;
        }
        return shaped;
    }

    private static String describe(LayerSpec layer) {
        return "layer '" + layer.name() + "' (@" + layer.origin().annotation() + ")";
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 9,223,372,036,854,775,807" : String.format(Locale.ROOT, "%,d", n);
    }

    /** The shape rule of each kind: the layer fed {@code in}, or null after reporting why it cannot take it. */
    private ShapedLayer shape(LayerSpec layer, TensorShape in) {
        return layer.accept(rules, in);
    }

    private final LayerSpec.Visitor<ShapedLayer, TensorShape> rules = new LayerSpec.Visitor<>() {
        @Override
        public ShapedLayer visitConv(ConvSpec conv, TensorShape in) {
            return conv(conv, in);
        }

        @Override
        public ShapedLayer visitDepthwiseConv(DepthwiseConvSpec conv, TensorShape in) {
            // groups = C: each output channel reads one input channel
            return convolution(conv, Window.convolution(conv.kernel(), conv.stride(), conv.dilation(), conv.padding()),
                    in, "a depthwise convolution", Math.multiplyExact(in.dim(0), conv.multiplier()), 1, conv.bias());
        }

        @Override
        public ShapedLayer visitDense(DenseSpec dense, TensorShape in) {
            return dense(dense, in);
        }

        @Override
        public ShapedLayer visitBatchNorm(BatchNormSpec batchNorm, TensorShape in) {
            int features = in.dim(0);
            return new ShapedLayer(batchNorm, in, in, 2L * features, 2L * features);
        }

        @Override
        public ShapedLayer visitDropout(DropoutSpec dropout, TensorShape in) {
            if (dropout.spatial() && !needsFeatureMap(dropout, in, "channel-wise dropout")) {
                return null;
            }
            return identity(dropout, in);
        }

        @Override
        public ShapedLayer visitPool(PoolSpec pool, TensorShape in) {
            return pool(pool, in);
        }

        @Override
        public ShapedLayer visitGlobalAvgPool(GlobalAvgPoolSpec pool, TensorShape in) {
            return globalPool(pool, in, "global average pooling");
        }

        @Override
        public ShapedLayer visitGlobalMaxPool(GlobalMaxPoolSpec pool, TensorShape in) {
            return globalPool(pool, in, "global max pooling");
        }

        @Override
        public ShapedLayer visitFlatten(FlattenSpec flatten, TensorShape in) {
            return flatten(flatten, in);
        }

        @Override
        public ShapedLayer visitActivation(ActivationSpec activation, TensorShape in) {
            return identity(activation, in);
        }

        @Override
        public ShapedLayer visitSubModel(SubModelSpec sub, TensorShape in) {
            return subModel(sub, in);
        }
    };

    private static ShapedLayer identity(LayerSpec layer, TensorShape in) {
        return new ShapedLayer(layer, in, in, 0, 0);
    }

    private ShapedLayer conv(ConvSpec conv, TensorShape in) {
        return convolution(conv, Window.of(conv), in, "a 2-D convolution", conv.filters(), in.dim(0), conv.bias());
    }

    /**
     * A convolution of {@code filters} output channels, each of which reads {@code inputsPerFilter}
     * input channels (all of them, or one per group) through a square window.
     */
    private ShapedLayer convolution(LayerSpec layer, Window w, TensorShape in, String description, int filters,
                                    int inputsPerFilter, boolean bias) {
        if (!needsFeatureMap(layer, in, description)) {
            return null;
        }
        String what = w.dilation() > 1 ? "dilated kernel" : "kernel";
        TensorShape spatial = window(layer, w, in, what, "kernel or dilation", "Conv2d");
        if (spatial == null) {
            return null;
        }
        TensorShape out = TensorShape.of(filters, spatial.dim(1), spatial.dim(2));
        // Exact: a huge SAME kernel on many channels overflows a long (see shapeChecked).
        long weights = Math.multiplyExact(Math.multiplyExact((long) w.size() * w.size(), inputsPerFilter),
                (long) filters);
        return new ShapedLayer(layer, in, out, Math.addExact(weights, bias ? filters : 0), 0);
    }

    /** (C, H, W) to (C), no parameters. */
    private ShapedLayer globalPool(LayerSpec layer, TensorShape in, String description) {
        return needsFeatureMap(layer, in, description)
                ? new ShapedLayer(layer, in, TensorShape.of(in.dim(0)), 0, 0) : null;
    }

    private ShapedLayer pool(PoolSpec pool, TensorShape in) {
        if (!needsFeatureMap(pool, in, "pooling")) {
            return null;
        }
        TensorShape out = window(pool, Window.of(pool), in, "pool window", "pool size", "Pool");
        return out == null ? null : new ShapedLayer(pool, in, out, 0, 0);
    }

    /** Applies a window to H and W, or reports why it cannot; C is kept. */
    private TensorShape window(LayerSpec layer, Window w, TensorShape in, String what, String knob, String djl) {
        if (!w.sameSupported()) {
            String detail = w.dilation() > 1
                    ? "kernel " + w.size() + ", dilation " + w.dilation() : "size " + w.size();
            findings.add(Problem.samePaddingNeedsOddWindow(layer.origin().withAttribute("padding"), layer.name(),
                    w.span(), detail, djl, w.pool()));
            return null;
        }
        if (w.padding() == PaddingMode.SAME && w.span() > Integer.MAX_VALUE) {
            findings.add(Problem.shapeTooLarge(layer.origin(), describe(layer), "the " + what + "'s span",
                    count(w.span()), "use a smaller " + knob));
            return null;
        }
        int h = in.dim(1);
        int width = in.dim(2);
        if (!w.fits(h) || !w.fits(width)) {
            findings.add(Problem.kernelLargerThanInput(layer.origin(), layer.name(), what, w.span(), in.dims(), knob));
            return null;
        }
        return TensorShape.of(in.dim(0), w.out(h), w.out(width));
    }

    private ShapedLayer dense(DenseSpec dense, TensorShape in) {
        if (in.isFeatureMap()) {
            findings.add(Problem.denseOnFeatureMap(dense.origin(), dense.name(), in.dims()));
            return null;
        }
        long weights = (long) in.dim(0) * dense.units();
        return new ShapedLayer(dense, in, TensorShape.of(dense.units()),
                weights + (dense.bias() ? dense.units() : 0), 0);
    }

    private ShapedLayer flatten(LayerSpec layer, TensorShape in) {
        if (in.isVector()) {
            findings.add(Problem.flattenOnVector(layer.origin(), layer.name(), in.dims()));
            return identity(layer, in);
        }
        return new ShapedLayer(layer, in, TensorShape.of((int) in.size()), 0, 0); // fits: every shape passed fitsInt
    }

    private boolean needsFeatureMap(LayerSpec layer, TensorShape in, String what) {
        if (in.isFeatureMap()) {
            return true;
        }
        findings.add(Problem.spatialLayerOnVector(layer.origin(), layer.name(), in.dims(), what));
        return false;
    }

    private ShapedLayer subModel(SubModelSpec sub, TensorShape in) {
        String annotation = sub.residual() ? "@Residual" : "field of type " + sub.model().simpleName();
        String innerName = sub.model().simpleName();
        TensorShape declared = new TensorShape(sub.model().input());
        boolean fromUseSite = sub.model().inputFromUseSite();
        if (!fromUseSite && !declared.equals(in)) {
            findings.add(Problem.subModelInputMismatch(sub.origin(), sub.name(), annotation, innerName,
                    declared.dims(), in.dims()));
            return null;
        }
        String key = sub.model().qualifiedName() + " " + in;
        Result inner = subModels.get(key);
        if (inner == null) {
            inner = infer(sub.model(), in, List.of(), subModels);
            subModels.put(key, inner);
        }
        for (Finding f : inner.findings()) {
            if (f.severity() == Severity.ERROR) {
                // a concrete sub-model inside a body that is impossible on its own: no input helps
                boolean whateverTheInput = f.id().equals(Problem.SUB_MODEL_INVALID.id());
                findings.add(fromUseSite && !whateverTheInput
                        ? Problem.subModelRejectsInput(sub.origin(), sub.name(), model.simpleName(), annotation,
                                innerName, sub.model().qualifiedName(), in.dims(), f)
                        : Problem.subModelInvalid(sub.origin(), sub.name(), annotation, innerName,
                                fromUseSite ? List.of() : in.dims(), f));
                return null;
            }
        }
        TensorShape out = inner.model().output();
        long trainable = inner.model().trainableParams();
        long nonTrainable = inner.model().nonTrainableParams();
        OptionalInt stride = OptionalInt.empty();
        if (sub.residual()) {
            if (sub.projection()) {
                stride = Projection.stride(in, out);
                if (stride.isEmpty()) {
                    String why = in.rank() != out.rank() || !in.isFeatureMap()
                            ? "The skip path's 1x1 convolution needs (C, H, W) in and out"
                            : "No stride s gives ceil(H / s) and ceil(W / s) equal to the output's H and W";
                    findings.add(Problem.residualProjectionImpossible(sub.origin().withAttribute("projection"),
                            sub.name(), innerName, in.dims(), out.dims(), why));
                    return null;
                }
                trainable = Math.addExact(trainable, Projection.trainableParams(in, out));
                nonTrainable = Math.addExact(nonTrainable, Projection.nonTrainableParams(out));
            } else if (!in.equals(out)) {
                findings.add(Problem.residualShapeMismatch(sub.origin(), sub.name(), innerName, in.dims(),
                        out.dims()));
                return null;
            }
        }
        return new ShapedLayer(sub, in, out, trainable, nonTrainable, stride, inner.model());
    }
}
