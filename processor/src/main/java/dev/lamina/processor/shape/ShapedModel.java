package dev.lamina.processor.shape;

import dev.lamina.processor.model.ModelSpec;
import java.util.List;

/** A model whose every layer has a valid compile-time shape. */
public record ShapedModel(ModelSpec spec, TensorShape input, List<ShapedLayer> layers) {

    public ShapedModel {
        layers = List.copyOf(layers);
    }

    public TensorShape output() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).out();
    }

    public long trainableParams() {
        return layers.stream().mapToLong(ShapedLayer::trainableParams).sum();
    }

    public long nonTrainableParams() {
        return layers.stream().mapToLong(ShapedLayer::nonTrainableParams).sum();
    }

    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }
}
