package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/** {@code @GlobalAvgPool}: (C, H, W) to (C). */
public record GlobalAvgPoolSpec(String name, Origin origin) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("GlobalAvgPool", (origin, a, names, out) ->
            out.add(new GlobalAvgPoolSpec(names.next("gap"), origin))));

    @Override
    public String kind() {
        return "GlobalAvgPool";
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
        return checks.globalPool(this, in, "global average pooling");
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.factory(DjlClass.POOL, "globalAvgPool2dBlock");
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.globalPool("GlobalAveragePool");
    }
}
