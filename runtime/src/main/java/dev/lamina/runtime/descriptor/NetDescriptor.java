package dev.lamina.runtime.descriptor;

import ai.djl.ndarray.types.Shape;
import dev.lamina.Model;
import java.util.List;

/**
 * A generated Net's layers as the processor shaped them, from {@code LaminaNet.descriptor()}: the
 * same facts its block is built from, so a reader never needs to look into the block.
 *
 * @param model the model's name, the simple name of its {@code @Model} class
 * @param task what the network predicts, its {@code @Model(task)}
 * @param input the shape of one example, without the batch axis, e.g. {@code (1, 28, 28)}
 * @param output the shape of one output, without the batch axis, e.g. {@code (10)}
 * @param layers the top-level layers in order: the block's children, each named {@link
 *     LayerDescriptor#name()}
 */
public record NetDescriptor(String model, Model.Task task, Shape input, Shape output, List<LayerDescriptor> layers) {

    public NetDescriptor {
        java.util.Objects.requireNonNull(task, "task");
        layers = List.copyOf(layers);
    }

    /** Trainable parameters of every layer (weights, biases, normalization gamma and beta). */
    public long trainableParameters() {
        return layers.stream().mapToLong(LayerDescriptor::trainableParameters).sum();
    }

    /** Non-trainable parameters of every layer (batch-norm running statistics). */
    public long nonTrainableParameters() {
        return layers.stream().mapToLong(LayerDescriptor::nonTrainableParameters).sum();
    }

    /**
     * Multiply-accumulates of one example's forward pass, every layer's ({@link
     * LayerDescriptor#macs()}); {@link Long#MAX_VALUE} when the sum overflows a long.
     */
    public long macs() {
        return saturatedSum(layers.stream().mapToLong(LayerDescriptor::macs).toArray());
    }

    /** Activations one example's forward pass keeps, in elements, every layer's ({@link LayerDescriptor#activations()}). */
    public long activations() {
        return saturatedSum(layers.stream().mapToLong(LayerDescriptor::activations).toArray());
    }

    private static long saturatedSum(long... counts) {
        long sum = 0;
        for (long c : counts) {
            sum = sum > Long.MAX_VALUE - c ? Long.MAX_VALUE : sum + c;
        }
        return sum;
    }
}
