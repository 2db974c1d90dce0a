package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;
import java.util.List;

/** {@code @MaxPool} or {@code @AvgPool}; {@code stride} is already resolved (never -1). */
public record PoolSpec(String name, Origin origin, PoolType type, int size, int stride,
                       PaddingMode padding) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(
            new LayerBinding("MaxPool", (origin, a, names, out) -> out.add(read(PoolType.MAX, "maxpool", origin, a, names))),
            new LayerBinding("AvgPool", (origin, a, names, out) -> out.add(read(PoolType.AVG, "avgpool", origin, a, names))));

    private static PoolSpec read(PoolType type, String suffix, Origin origin, Attributes a, Names names) {
        int size = a.integer("value");
        int stride = a.integer("stride");
        return new PoolSpec(names.next(suffix), origin, type, size, stride == -1 ? size : stride,
                a.constant("padding", PaddingMode.class));
    }

    @Override
    public String kind() {
        return type == PoolType.MAX ? "MaxPool" : "AvgPool";
    }

    @Override
    public LayerRole role() {
        return type == PoolType.AVG ? LayerRole.AFFINE : LayerRole.NONLINEAR;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("value", size, "the window must cover at least one pixel");
        if (size >= 1 || stride != size) { // else: stride -1 resolved to the bad size
            check.atLeastOne("stride", stride, "the window must move forward (-1 means the window size)");
        }
    }

    /** Its window. */
    @Override
    public Window window() {
        return new Window(size, stride, 1, padding, true);
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        if (!checks.needsFeatureMap(this, in, "pooling")) {
            return null;
        }
        TensorShape out = checks.window(this, window(), in, "pool window", "pool size", "Pool");
        return out == null ? null : LayerShape.of(out);
    }

    /** No MAC: element-wise or data movement. */
    @Override
    public long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        Window w = window();
        if (type == PoolType.MAX) {
            return BlockRecipe.factory(DjlClass.POOL, "maxPool2dBlock", Arg.square(size), Arg.square(stride),
                    Arg.square(w.pad()), Arg.of(w.ceilMode()));
        }
        // countIncludePad = false: SAME padding does not dilute the averages at the borders.
        return BlockRecipe.factory(DjlClass.POOL, "avgPool2dBlock", Arg.square(size), Arg.square(stride),
                Arg.square(w.pad()), Arg.of(w.ceilMode()), Arg.of(false));
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.pool(type == PoolType.MAX ? "MaxPool" : "AveragePool", window());
    }
}
