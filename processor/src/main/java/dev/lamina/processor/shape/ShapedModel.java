package dev.lamina.processor.shape;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;

/**
 * A model whose every layer has a valid compile-time shape. Parameter sums are exact: shape
 * inference rejects models whose counts would overflow a long, so they never throw for its output.
 *
 * @param spec the model
 * @param input the shape it is fed: its {@code @Model(input)}, or, for a sub-model that takes its
 *     input from where it is used, what its field receives
 * @param layers its layers with their shapes (a sub-model's with its own, see {@link ShapedLayer#inside()})
 * @param warnings what shape inference warns about in its own layers (e.g. {@code FlattenOnVector})
 */
public record ShapedModel(ModelSpec spec, TensorShape input, List<ShapedLayer> layers, List<Finding> warnings) {

    public ShapedModel {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }

    /** A model shaped without warnings. */
    public ShapedModel(ModelSpec spec, TensorShape input, List<ShapedLayer> layers) {
        this(spec, input, layers, List.of());
    }

    /**
     * The sub-models of this model that take their input from where they are used, at any depth
     * through such sub-models, each once per input it receives, in the order they are first used:
     * their code is generated into this model's Net and their own lints are run from here. A
     * sub-model with its own {@code @Model(input)} is not looked into: its own Net and checks
     * cover it and what it contains.
     */
    public List<ShapedModel> bodiesFromUseSite() {
        java.util.Map<String, ShapedModel> bodies = new java.util.LinkedHashMap<>();
        collectBodies(bodies);
        return List.copyOf(bodies.values());
    }

    private void collectBodies(java.util.Map<String, ShapedModel> bodies) {
        for (ShapedLayer layer : layers) {
            ShapedModel inner = layer.inside();
            if (inner != null && inner.spec().inputFromUseSite()
                    && bodies.putIfAbsent(inner.key(), inner) == null) {
                inner.collectBodies(bodies);
            }
        }
    }

    /** The model's qualified name and its input: one generated block per key. */
    public String key() {
        return spec.qualifiedName() + " " + input;
    }

    public TensorShape output() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).out();
    }

    public long trainableParams() {
        return layers.stream().mapToLong(ShapedLayer::trainableParams).reduce(0, Math::addExact);
    }

    public long nonTrainableParams() {
        return layers.stream().mapToLong(ShapedLayer::nonTrainableParams).reduce(0, Math::addExact);
    }

    /** Multiply-accumulates for one example, of every layer ({@link ShapedLayer#macs}). */
    public long macs() {
        return ShapedLayer.saturatedSum(layers.stream().mapToLong(ShapedLayer::macs).toArray());
    }

    /** Activations kept for one example, in elements, of every layer ({@link ShapedLayer#activations}). */
    public long activations() {
        return ShapedLayer.saturatedSum(layers.stream().mapToLong(ShapedLayer::activations).toArray());
    }

    public long totalParams() {
        return Math.addExact(trainableParams(), nonTrainableParams());
    }
}
