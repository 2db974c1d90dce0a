package dev.lamina.processor.shape;

import dev.lamina.processor.model.LayerSpec;

/**
 * A layer with its compile-time shapes and parameter counts.
 *
 * @param spec the layer
 * @param in shape it receives (one example, no batch axis)
 * @param out shape it produces
 * @param trainableParams weights and biases (batch norm: gamma and beta)
 * @param nonTrainableParams batch norm running mean and variance
 */
public record ShapedLayer(LayerSpec spec, TensorShape in, TensorShape out, long trainableParams,
                          long nonTrainableParams) {

    public long params() {
        return Math.addExact(trainableParams, nonTrainableParams);
    }
}
