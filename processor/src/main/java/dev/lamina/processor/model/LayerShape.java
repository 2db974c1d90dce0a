package dev.lamina.processor.model;

import dev.lamina.processor.tensor.TensorShape;

/**
 * What a layer kind's shape rule ({@link LayerKind#shape}) gives for one input: the output shape
 * of one example and the parameters the layer owns for that input.
 *
 * @param out shape it produces (one example, no batch axis)
 * @param trainableParams weights and biases (batch norm: gamma and beta)
 * @param nonTrainableParams batch norm running mean and variance
 * @param largestParameter the values of the layer's largest parameter array (a weight, a bias, a
 *     batch norm's gamma...), which DJL must save as one array (0 without parameters)
 */
public record LayerShape(TensorShape out, long trainableParams, long nonTrainableParams, long largestParameter) {

    /** An output without parameters (pooling, flatten, activations, dropout). */
    public static LayerShape of(TensorShape out) {
        return new LayerShape(out, 0, 0, 0);
    }
}
