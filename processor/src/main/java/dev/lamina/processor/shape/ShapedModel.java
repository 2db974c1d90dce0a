package dev.lamina.processor.shape;

import dev.lamina.processor.model.ModelSpec;
import java.util.List;

/**
 * A model whose every layer has a valid compile-time shape. Parameter sums are exact: shape
 * inference rejects models whose counts would overflow a long, so they never throw for its output.
 */
public record ShapedModel(ModelSpec spec, TensorShape input, List<ShapedLayer> layers) {

    public ShapedModel {
        layers = List.copyOf(layers);
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

    public long totalParams() {
        return Math.addExact(trainableParams(), nonTrainableParams());
    }
}
