package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.model.BlockRecipe.Arg;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/** {@code @Dense}: fully connected layer on a vector. */
public record DenseSpec(String name, Origin origin, int units, boolean bias) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("Dense", (origin, a, names, out) -> {
        out.add(new DenseSpec(names.next("dense"), origin, a.integer("units"), a.bool("bias")));
        ActivationSpec.readAttribute(origin, a, names, out);
    }));

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public LayerRole role() {
        return LayerRole.WEIGHTED;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("units", units, "there must be at least one output");
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        if (in.isFeatureMap()) {
            checks.report(Problem.denseOnFeatureMap(origin, name, in.dims()));
            return null;
        }
        long weights = (long) in.dim(0) * units;
        return new LayerShape(TensorShape.of(units), weights + (bias ? units : 0), 0, Math.max(weights, units));
    }

    @Override
    public TensorShape outputWhateverTheInput() {
        return TensorShape.of(units);
    }

    @Override
    public long macs(TensorShape in, TensorShape out) {
        return LayerKind.product(in.size(), units);
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.builder(DjlClass.LINEAR, BlockRecipe.call("setUnits", Arg.of(units)),
                BlockRecipe.call("optBias", Arg.of(bias)));
    }

    /** {@code Gemm} with the weight transposed (DJL's is (units, features)). */
    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        List<OnnxRecipe.Input> inputs = new java.util.ArrayList<>(List.of(OnnxRecipe.input(), OnnxRecipe.parameter("weight")));
        if (bias) {
            inputs.add(OnnxRecipe.parameter("bias"));
        }
        return OnnxRecipe.of("Gemm", inputs, OnnxRecipe.intAttribute("transB", 1));
    }
}
