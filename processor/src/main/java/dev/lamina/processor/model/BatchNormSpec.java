package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/** {@code @BatchNorm}: normalizes over channels (feature map) or features (vector). */
public record BatchNormSpec(String name, Origin origin, double momentum, double epsilon)
        implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("BatchNorm", (origin, a, names, out) ->
            out.add(new BatchNormSpec(names.next("bn"), origin, a.real("momentum"), a.real("epsilon")))));

    @Override
    public String kind() {
        return "BatchNorm";
    }

    @Override
    public LayerRole role() {
        return LayerRole.AFFINE_SAME_SHAPE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.checkFloat("momentum", momentum, v -> v > 0 && v < 1, "in (0, 1)",
                "it weighs the running statistics against each batch's, and 1 would never update them",
                "use 0.9 or 0.99");
        check.checkFloat("epsilon", epsilon, v -> v > 0, "greater than 0",
                "it keeps the division by the standard deviation finite", "use 1e-5 or 1e-3");
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        int features = in.dim(0); // channels of a feature map, features of a vector
        return new LayerShape(in, 2L * features, 2L * features, features);
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.builder(DjlClass.BATCH_NORM, BlockRecipe.call("optMomentum", Arg.of(momentum)),
                BlockRecipe.call("optEpsilon", Arg.of(epsilon)));
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.batchNorm(epsilon);
    }
}
