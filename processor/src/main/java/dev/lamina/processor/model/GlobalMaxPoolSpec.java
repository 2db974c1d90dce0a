package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/** {@code @GlobalMaxPool}: (C, H, W) to (C), the largest value of each channel. */
public record GlobalMaxPoolSpec(String name, Origin origin) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("GlobalMaxPool", (origin, a, names, out) ->
            out.add(new GlobalMaxPoolSpec(names.next("gmp"), origin))));

    @Override
    public String kind() {
        return "GlobalMaxPool";
    }

    @Override
    public LayerRole role() {
        return LayerRole.NONLINEAR; // a maximum, like @MaxPool
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        // no attributes
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        return checks.globalPool(this, in, "global max pooling");
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.factory(DjlClass.POOL, "globalMaxPool2dBlock");
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.globalPool("GlobalMaxPool");
    }
}
