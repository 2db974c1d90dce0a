package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/**
 * {@code @Dropout} (element-wise, {@code spatial == false}) or {@code @SpatialDropout}
 * (whole channels, {@code spatial == true}).
 */
public record DropoutSpec(String name, Origin origin, double rate, boolean spatial)
        implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(
            new LayerBinding("Dropout", (origin, a, names, out) ->
                    out.add(new DropoutSpec(names.next("dropout"), origin, a.real("rate"), false))),
            new LayerBinding("SpatialDropout", (origin, a, names, out) ->
                    out.add(new DropoutSpec(names.next("spatial_dropout"), origin, a.real("rate"), true))));

    @Override
    public String kind() {
        return spatial ? "SpatialDropout" : "Dropout";
    }

    @Override
    public LayerRole role() {
        return LayerRole.AFFINE_SAME_SHAPE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.checkFloat("rate", rate, v -> v >= 0 && v < 1, "in [0, 1)",
                "it is the probability of dropping, and dropping everything (1) leaves nothing to scale",
                "use a rate such as 0.1 to 0.5");
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        if (spatial && !checks.needsFeatureMap(this, in, "channel-wise dropout")) {
            return null;
        }
        return LayerShape.of(in);
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return spatial ? BlockRecipe.constructed(DjlClass.SPATIAL_DROPOUT, Arg.of(rate))
                : BlockRecipe.builder(DjlClass.DROPOUT, BlockRecipe.call("optRate", Arg.of(rate)));
    }

    /** The identity: dropout does nothing at inference. */
    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.IDENTITY;
    }
}
