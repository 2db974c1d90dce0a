package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.TensorShape;
import java.util.Arrays;
import java.util.List;

/**
 * An activation: from {@code @ReLU}, {@code @LeakyReLU}, ... or from a weighted layer's
 * {@code activation =} attribute (then {@code origin().attribute()} is {@code "activation"}).
 *
 * @param alpha negative slope for {@link ActivationFn#LEAKY_RELU}, otherwise 0
 */
public record ActivationSpec(String name, Origin origin, ActivationFn fn, double alpha)
        implements LayerKind {

    /** Default slope of {@code Act.LEAKY_RELU} (that of {@code @LeakyReLU}). */
    static final double DEFAULT_LEAKY_ALPHA = 0.01;

    /** One annotation per function, e.g. {@code @ReLU}; only {@code @LeakyReLU} has an attribute. */
    static final List<LayerBinding> BINDINGS = Arrays.stream(ActivationFn.values())
            .map(fn -> new LayerBinding(fn.displayName(), (origin, a, names, out) -> out.add(new ActivationSpec(
                    names.next(fn.suffix()), origin, fn, fn == ActivationFn.LEAKY_RELU ? a.real("alpha") : 0))))
            .toList();

    /** The activation of a weighted layer's {@code activation =} attribute, unless it is {@code NONE}. */
    static void readAttribute(Origin origin, Attributes a, Names names, List<LayerSpec> out) {
        String act = a.constantName("activation");
        if (act.equals("NONE")) {
            return;
        }
        ActivationFn fn = ActivationFn.valueOf(act);
        double alpha = fn == ActivationFn.LEAKY_RELU ? DEFAULT_LEAKY_ALPHA : 0;
        out.add(new ActivationSpec(names.next(fn.suffix()), origin.withAttribute("activation"), fn, alpha));
    }

    @Override
    public String kind() {
        return fn.displayName();
    }

    /** Whether it came from an {@code activation =} attribute rather than its own annotation. */
    public boolean fromAttribute() {
        return "activation".equals(origin.attribute());
    }

    @Override
    public LayerRole role() {
        return LayerRole.NONLINEAR_SAME_SHAPE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        if (fn == ActivationFn.LEAKY_RELU && !fromAttribute()) {
            check.checkFloat("alpha", alpha, v -> v >= 0, "at least 0",
                    "a negative slope flips the sign of negative inputs", "use 0.01 to 0.3");
        }
    }

    /** Only {@code @LeakyReLU}'s slope: the function is the kind. */
    @Override
    public java.util.Map<String, Object> attributes() {
        return fn == ActivationFn.LEAKY_RELU ? java.util.Map.of("alpha", alpha) : java.util.Map.of();
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        return LayerShape.of(in);
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return switch (fn) {
            case RELU -> BlockRecipe.factory(DjlClass.ACTIVATION, "reluBlock");
            case LEAKY_RELU -> BlockRecipe.factory(DjlClass.ACTIVATION, "leakyReluBlock", Arg.of(alpha));
            case GELU -> BlockRecipe.factory(DjlClass.ACTIVATION, "geluBlock");
            case SIGMOID -> BlockRecipe.factory(DjlClass.ACTIVATION, "sigmoidBlock");
            case TANH -> BlockRecipe.factory(DjlClass.ACTIVATION, "tanhBlock");
            // Axis 1 of (batch, ...): the features of a vector, the channels of a (C, H, W) feature
            // map (per pixel), like Keras's default axis -1 in its channels-last layout.
            case SOFTMAX -> BlockRecipe.factory(DjlClass.LAMBDA_BLOCK, "singleton",
                    Arg.lambda("x -> x.softmax(1)"), Arg.of("softmax"));
        };
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        List<OnnxRecipe.Input> x = List.of(OnnxRecipe.input());
        return switch (fn) {
            case RELU -> OnnxRecipe.of("Relu", x);
            case LEAKY_RELU -> OnnxRecipe.of("LeakyRelu", x, OnnxRecipe.floatAttribute("alpha", alpha));
            case GELU -> OnnxRecipe.gelu();
            case SIGMOID -> OnnxRecipe.of("Sigmoid", x);
            case TANH -> OnnxRecipe.of("Tanh", x);
            case SOFTMAX -> OnnxRecipe.of("Softmax", x, OnnxRecipe.intAttribute("axis", 1)); // as block's softmax(1)
        };
    }
}
