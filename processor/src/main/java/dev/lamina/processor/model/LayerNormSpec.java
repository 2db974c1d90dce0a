package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/**
 * {@code @LayerNorm}: normalizes each example over its whole shape ((C, H, W) or (features)), then
 * an element-wise gamma and beta of that shape. DJL keeps both as parameters whatever {@code
 * center} and {@code scale} say (they only stop training them), so both are counted, the frozen
 * ones as non-trainable, and both are the ONNX node's inputs.
 */
public record LayerNormSpec(String name, Origin origin, double epsilon, boolean center, boolean scale)
        implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("LayerNorm", (origin, a, names, out) ->
            out.add(new LayerNormSpec(names.next("ln"), origin, a.real("epsilon"), a.bool("center"), a.bool("scale")))));

    @Override
    public String kind() {
        return "LayerNorm";
    }

    /** Not affine in its input: it divides by each example's own standard deviation. */
    @Override
    public LayerRole role() {
        return LayerRole.NONLINEAR_SAME_SHAPE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.checkFloat("epsilon", epsilon, v -> v > 0, "greater than 0",
                "it keeps the division by the standard deviation finite", "use 1e-5 or 1e-3");
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        long size = in.size();
        long trainable = (center ? size : 0) + (scale ? size : 0);
        return new LayerShape(in, trainable, 2 * size - trainable, size);
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.builder(DjlClass.LAYER_NORM, BlockRecipe.call("optEpsilon", Arg.of(epsilon)),
                BlockRecipe.call("optCenter", Arg.of(center)), BlockRecipe.call("optScale", Arg.of(scale)));
    }

    /** Over axes 1.. of (batch, ...), as DJL's default axes (all but the batch). */
    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.of("LayerNormalization", List.of(OnnxRecipe.input(), OnnxRecipe.parameter("gamma"),
                OnnxRecipe.parameter("beta")), OnnxRecipe.intAttribute("axis", 1),
                OnnxRecipe.floatAttribute("epsilon", epsilon));
    }
}
