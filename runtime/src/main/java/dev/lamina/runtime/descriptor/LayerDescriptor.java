package dev.lamina.runtime.descriptor;

import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a {@link NetDescriptor}: a layer of some kind ({@link Layer}) or a sub-model field
 * ({@link SubModel}, possibly residual). Shapes are those of one example, without the batch axis.
 */
public sealed interface LayerDescriptor {

    /** The layer's block name in its model (the child name in the DJL block), e.g. {@code conv1_bn}. */
    String name();

    /** Its kind as the summary shows it, e.g. {@code Conv}, {@code Residual(CcBlock)}. */
    String kind();

    /** The shape it receives. */
    Shape in();

    /** The shape it produces. */
    Shape out();

    /** Its trainable parameters (a sub-model's: all of its layers'). */
    long trainableParameters();

    /** Its non-trainable parameters (batch-norm running statistics). */
    long nonTrainableParameters();

    /**
     * Its multiply-accumulates for one example, as its kind counts them at compile time: a
     * convolution's output elements x kernel area x input channels per filter, a dense layer's
     * inputs x units (biases not counted); 0 for normalization, activation, pooling, dropout and
     * flatten; a sub-model's: its layers' and its projection's. A training step costs about 3 x
     * this (forward, and backward to inputs and to weights) multiply-accumulates per example, 2
     * FLOPs each. {@link Long#MAX_VALUE} when it overflows a long.
     */
    long macs();

    /**
     * The activations it keeps for one example, in elements: its output (every layer's output is
     * a new tensor; torchinfo's forward pass size counts the same), a sub-model's: its layers',
     * plus a residual's projection outputs and the sum of its two paths. Times 4 bytes and the
     * batch it is a forward pass's memory; training keeps them and their gradients, twice that.
     */
    long activations();

    /**
     * A layer of one kind ({@code @Conv}, {@code @ReLU}, ...).
     *
     * @param attributes its attributes by name (Integer, Double, Boolean or String values), in
     *     declaration order
     * @param parameters the keys of its DJL parameters, e.g. {@code weight}, {@code bias} (DJL names
     *     them after the block path: {@code 01conv1_weight})
     * @param onnx how ONNX computes it
     * @param macs its multiply-accumulates for one example ({@link LayerDescriptor#macs()})
     * @param activations the elements of its output ({@link LayerDescriptor#activations()})
     */
    record Layer(String name, String kind, Map<String, Object> attributes, Shape in, Shape out,
                 long trainableParameters, long nonTrainableParameters, List<String> parameters, OnnxRecipe onnx,
                 long macs, long activations)
            implements LayerDescriptor {
        public Layer {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * A field whose type is another {@code @Model}: its layers run in sequence (a residual adds its
     * input, or its projection of the input, to their output).
     *
     * @param model the sub-model's qualified class name
     * @param layers the sub-model's layers with the shapes they have here
     * @param residual whether the field is {@code @Residual}
     * @param projection the skip path's layers of {@code @Residual(projection = true)} (a 1x1
     *     convolution and a batch norm), empty otherwise
     * @param macs the multiply-accumulates of its layers and projection for one example
     * @param activations the elements its layers, its projection and a residual's sum keep for one example
     */
    record SubModel(String name, String kind, String model, Shape in, Shape out, long trainableParameters,
                    long nonTrainableParameters, List<LayerDescriptor> layers, boolean residual,
                    List<LayerDescriptor> projection, long macs, long activations) implements LayerDescriptor {
        public SubModel {
            layers = List.copyOf(layers);
            projection = List.copyOf(projection);
            if (!residual && !projection.isEmpty()) {
                throw new IllegalArgumentException(name + ": only a residual has a projection");
            }
        }
    }

    /** Attributes from alternating names and values, e.g. {@code attributes("filters", 32, "bias", true)}. */
    static Map<String, Object> attributes(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
