package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/** {@code @Flatten}: (C, H, W) to (C * H * W). */
public record FlattenSpec(String name, Origin origin) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("Flatten", (origin, a, names, out) ->
            out.add(new FlattenSpec(names.next("flatten"), origin))));

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public LayerRole role() {
        return LayerRole.AFFINE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        // no attributes
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        if (in.isVector()) {
            checks.report(Problem.flattenOnVector(origin, name, in.dims())); // a warning: it does nothing
            return LayerShape.of(in);
        }
        return LayerShape.of(TensorShape.of((int) in.size())); // fits: every shape passed fitsInt
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.factory(DjlClass.BLOCKS, "batchFlattenBlock");
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.flatten();
    }
}
