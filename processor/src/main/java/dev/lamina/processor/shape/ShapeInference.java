package dev.lamina.processor.shape;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.LayerShape;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.ShapeChecks;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;
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
     * @param failsWhateverTheInput the errors among {@code findings} that no input avoids: those of a
     *     sub-model with its own {@code @Model(input)} that is impossible on its own
     */
    public record Result(ShapedModel model, List<Finding> findings, List<Finding> failsWhateverTheInput) {

        public Result {
            findings = List.copyOf(findings);
            failsWhateverTheInput = List.copyOf(failsWhateverTheInput);
        }

        /** A result whose errors (if any) depend on the input. */
        public Result(ShapedModel model, List<Finding> findings) {
            this(model, findings, List.of());
        }

        /** Whether shapes could be inferred for every layer. */
        public boolean ok() {
            return model != null;
        }
    }

    /**
     * Models already shaped, by qualified name and input, for as long as it is kept (the processor
     * keeps one per round): a model used by many fields, or by many models, is shaped once per
     * input, so nesting and sharing do not multiply the work. Not thread-safe.
     */
    public static final class Memo {
        private final Map<Key, Result> results = new HashMap<>();

        /** A model and the input it is shaped for. */
        private record Key(String model, TensorShape input) {}
    }

    private final List<Finding> findings = new ArrayList<>();
    /** The errors of {@link #findings} that no input avoids ({@link Result#failsWhateverTheInput()}). */
    private final List<Finding> whateverTheInput = new ArrayList<>();
    /** The model whose layers this inference walks (its simple name is in some messages). */
    private final ModelSpec model;
    /** The input the model is shaped for (a window that no longer fits names it as the cause). */
    private final TensorShape input;
    private final Memo subModels;

    private ShapeInference(ModelSpec model, TensorShape input, Memo subModels) {
        this.model = model;
        this.input = input;
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
        return infer(model, attributeErrors, new Memo());
    }

    /**
     * As {@link #infer(ModelSpec, List)}, reading and filling {@code memo}: a model without
     * attribute errors that {@code memo} has shaped for its input (e.g. as another model's
     * sub-model) is not shaped again.
     */
    public static Result infer(ModelSpec model, List<Finding> attributeErrors, Memo memo) {
        if (model.inputFromUseSite()) {
            throw new IllegalArgumentException(model.qualifiedName()
                    + " takes its input from where it is used: it is shaped there, with that input");
        }
        TensorShape input = new TensorShape(model.input());
        return attributeErrors.isEmpty() ? memoized(model, input, memo) : infer(model, input, attributeErrors, memo);
    }

    /** Shapes of the model's layers fed {@code input} (sub-models receive their field's input). */
    public static Result infer(ModelSpec model, TensorShape input) {
        return infer(model, input, List.of(), new Memo());
    }

    /** The model shaped for {@code input}, from {@code memo} when it has it. */
    private static Result memoized(ModelSpec model, TensorShape input, Memo memo) {
        Memo.Key key = new Memo.Key(model.qualifiedName(), input);
        Result result = memo.results.get(key);
        if (result == null) {
            result = infer(model, input, List.of(), memo);
            memo.results.put(key, result);
        }
        return result;
    }

    private static Result infer(ModelSpec model, TensorShape input, List<Finding> attributeErrors,
                                Memo subModels) {
        ShapeInference inference = new ShapeInference(model, input, subModels);
        if (!input.fitsInt()) {
            inference.findings.add(Problem.shapeTooLarge(Origin.ofModel("input"),
                    "model '" + model.simpleName() + "' (@Model)", "the input " + input + " with "
                            + count(input.size()) + " elements per example", "a size that large",
                    "correct @Model(input); images this large must be tiled or downscaled first"));
            return inference.result(null);
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
            if (current == null) {
                // its input is unknown after an earlier error, but an error of its attributes alone
                // is independent of that one: reported in the same compile
                inference.checkWithoutInput(layer);
            }
            ShapedLayer shaped = current == null ? null : inference.shapeChecked(layer, current);
            if (shaped == null) {
                complete = false;
                current = outputWhateverTheInput(layer, subModels);
                continue;
            }
            try {
                total = Math.addExact(total, shaped.params());
                if (total > MAX_PARAMETERS) {
                    throw new ArithmeticException("parameters beyond DJL's storage");
                }
            } catch (ArithmeticException overflow) {
                inference.findings.add(Problem.parameterCountOverflow(layer.origin(), layer.name(),
                        "the model's parameter count up to this layer",
                        "check the sizes of this and the earlier weighted layers"));
                return inference.result(null);
            }
            layers.add(shaped);
            current = shaped.out();
        }
        boolean failed = !complete || inference.findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return inference.result(failed ? null : new ShapedModel(model, input, layers, inference.findings));
    }

    private Result result(ShapedModel shaped) {
        return new Result(shaped, findings, whateverTheInput);
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
    private static TensorShape outputWhateverTheInput(LayerSpec layer, Memo memo) {
        if (layer instanceof SubModelSpec sub) {
            if (sub.model().inputFromUseSite()) {
                return null; // its output depends on the input it cannot have
            }
            Result inner = memoized(sub.model(), new TensorShape(sub.model().input()), memo);
            return inner.ok() ? inner.model().output() : null;
        }
        return ((LayerKind) layer).outputWhateverTheInput();
    }

    /**
     * The most parameters a layer or a model may have: their float32 bytes must fit a long, the
     * size type of DJL's (PyTorch's) storage (two {@code @Dense(units = 2147483647)} have 4.6e18
     * weights, which fit a long, but not their 1.8e19 bytes: "Storage size calculation
     * overflowed" in DJL).
     */
    static final long MAX_PARAMETERS = Long.MAX_VALUE / Float.BYTES;

    /**
     * The most float32 values one parameter array may hold: DJL saves each array (checkpoints, saved
     * models: {@code Block.saveParameters}, its {@code NDSerializer}) with its size in bytes written
     * as a Java int, so an array of more than {@code Integer.MAX_VALUE} bytes cannot be saved
     * (libtorch itself indexes with int64 and would hold it). A {@code @Dense(units = 2147483647)}
     * on 4 features has a weight of 8.6e9 values.
     */
    static final long MAX_PARAMETER_ARRAY = Integer.MAX_VALUE / Float.BYTES;

    /** {@link #shape}, plus the size limits: a count beyond {@link #MAX_PARAMETERS}, an example beyond an int. */
    private ShapedLayer shapeChecked(LayerSpec layer, TensorShape in) {
        ShapedLayer shaped;
        boolean overflow;
        try {
            shaped = shape(layer, in);
            overflow = shaped != null && shaped.params() > MAX_PARAMETERS;
        } catch (ArithmeticException e) {
            shaped = null;
            overflow = true;
        }
        if (overflow) {
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

    /**
     * The layer fed {@code in}, or null after reporting why it cannot take it: a kind's own shape
     * rule ({@link LayerKind#shape}), or, for a sub-model field, the sub-model shaped with that input.
     */
    private ShapedLayer shape(LayerSpec layer, TensorShape in) {
        if (layer instanceof SubModelSpec sub) {
            return subModel(sub, in);
        }
        LayerShape shaped = ((LayerKind) layer).shape(in, checks);
        if (shaped == null) {
            return null;
        }
        boolean countFits = shaped.trainableParams() + shaped.nonTrainableParams() <= MAX_PARAMETERS; // else ParameterCountOverflow
        if (countFits && shaped.largestParameter() > MAX_PARAMETER_ARRAY) {
            findings.add(Problem.parameterTooLarge(layer.origin(), layer.name(),
                    layer.isWeighted() ? "its weight" : "each of its gamma and beta", shaped.largestParameter(),
                    "use fewer units or filters, or a smaller kernel, or shrink this layer's input (pooling or a strided"
                            + " @Conv before it, a smaller @Model(input))"));
            return null;
        }
        return new ShapedLayer(layer, in, shaped.out(), shaped.trainableParams(), shaped.nonTrainableParams());
    }

    /** What the kinds' shape rules report through, into this inference's findings. */
    private final ShapeChecks checks = new ShapeChecks() {
        @Override
        public void report(Finding finding) {
            findings.add(finding);
        }

        @Override
        public TensorShape window(LayerSpec layer, Window w, TensorShape in, String what, String knob,
                                  String djlBlock) {
            return ShapeInference.this.window(layer, w, in, what, knob, djlBlock);
        }
    };

    /**
     * The errors of a layer's attributes that need no input shape (an even SAME window), for a
     * layer whose input is unknown after an earlier error.
     */
    private void checkWithoutInput(LayerSpec layer) {
        Window w = layer instanceof LayerKind kind ? kind.window() : null;
        if (w != null && !w.sameSupported()) {
            findings.add(samePaddingError(layer, w, w.pool() ? "Pool" : "Conv2d"));
        }
    }

    private static Finding samePaddingError(LayerSpec layer, Window w, String djl) {
        String detail = w.dilation() > 1 ? "kernel " + w.size() + ", dilation " + w.dilation() : "size " + w.size();
        return Problem.samePaddingNeedsOddWindow(layer.origin().withAttribute("padding"), layer.name(), w.span(), detail,
                djl, w.pool());
    }

    /** Applies a window to H and W, or reports why it cannot; C is kept. */
    private TensorShape window(LayerSpec layer, Window w, TensorShape in, String what, String knob, String djl) {
        if (!w.sameSupported()) {
            findings.add(samePaddingError(layer, w, djl));
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
            // the earlier layers shrank H and W below a window that the model's input would fit: the
            // input is too small for these layers (e.g. an ImageNet conv body fed 32x32 images)
            boolean inputTooSmall = input.isFeatureMap() && (h < input.dim(1) || width < input.dim(2))
                    && w.fits(input.dim(1)) && w.fits(input.dim(2));
            findings.add(Problem.kernelLargerThanInput(layer.origin(), layer.name(), what, w.span(), in.dims(), knob,
                    w.pool(), inputTooSmall ? input.dims() : null));
            return null;
        }
        return TensorShape.of(in.dim(0), w.out(h), w.out(width));
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
        Result inner = memoized(sub.model(), in, subModels);
        for (Finding f : inner.findings()) {
            if (f.severity() == Severity.ERROR) {
                // a concrete sub-model (inside a body) that is impossible on its own: no input helps
                if (fromUseSite && !inner.failsWhateverTheInput().contains(f)) {
                    findings.add(Problem.subModelRejectsInput(sub.origin(), sub.name(), model.simpleName(), annotation,
                            innerName, sub.model().qualifiedName(), in.dims(), f));
                } else {
                    Finding invalid = Problem.subModelInvalid(sub.origin(), sub.name(), annotation, innerName,
                            fromUseSite ? List.of() : in.dims(), f);
                    findings.add(invalid);
                    whateverTheInput.add(invalid);
                }
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
