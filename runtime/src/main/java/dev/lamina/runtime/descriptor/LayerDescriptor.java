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
     * A layer of one kind ({@code @Conv}, {@code @ReLU}, ...).
     *
     * @param attributes its attributes by name (Integer, Double, Boolean or String values), in
     *     declaration order
     * @param parameters the keys of its DJL parameters, e.g. {@code weight}, {@code bias} (DJL names
     *     them after the block path: {@code 01conv1_weight})
     * @param onnx how ONNX computes it
     */
    record Layer(String name, String kind, Map<String, Object> attributes, Shape in, Shape out,
                 long trainableParameters, long nonTrainableParameters, List<String> parameters, OnnxRecipe onnx)
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
     */
    record SubModel(String name, String kind, String model, Shape in, Shape out, long trainableParameters,
                    long nonTrainableParameters, List<LayerDescriptor> layers, boolean residual,
                    List<LayerDescriptor> projection) implements LayerDescriptor {
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
