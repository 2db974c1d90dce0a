package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;
import java.util.Map;

/**
 * Builds the specs of one Lamina annotation from its attribute values (plain Java, defaults
 * included): one method per annotation. Annotations that are not layers (e.g. {@code @Residual},
 * {@code @Model}) yield nothing here.
 */
final class LayerFactory {

    private LayerFactory() {}

    static void read(String annotation, Origin origin, Map<String, Object> v, Names names,
                     List<LayerSpec> out) {
        switch (annotation) {
            case "Conv" -> {
                out.add(new ConvSpec(names.next("conv"), origin, integer(v, "filters"),
                        integer(v, "kernel"), integer(v, "stride"), padding(v), integer(v, "dilation"),
                        (Boolean) v.get("bias")));
                activation(origin, v, names, out);
            }
            case "Dense" -> {
                out.add(new DenseSpec(names.next("dense"), origin, integer(v, "units"),
                        (Boolean) v.get("bias")));
                activation(origin, v, names, out);
            }
            case "BatchNorm" -> out.add(new BatchNormSpec(names.next("bn"), origin,
                    real(v, "momentum"), real(v, "epsilon")));
            case "Dropout" -> out.add(new DropoutSpec(names.next("dropout"), origin, real(v, "rate"), false));
            case "SpatialDropout" -> out.add(new DropoutSpec(names.next("spatial_dropout"), origin,
                    real(v, "rate"), true));
            case "MaxPool", "AvgPool" -> {
                int size = integer(v, "value");
                int stride = integer(v, "stride");
                PoolType type = annotation.equals("MaxPool") ? PoolType.MAX : PoolType.AVG;
                out.add(new PoolSpec(names.next(annotation.toLowerCase(java.util.Locale.ROOT)), origin,
                        type, size, stride == -1 ? size : stride, padding(v)));
            }
            case "GlobalAvgPool" -> out.add(new GlobalAvgPoolSpec(names.next("gap"), origin));
            case "Flatten" -> out.add(new FlattenSpec(names.next("flatten"), origin));
            case "ReLU" -> act(ActivationFn.RELU, 0, origin, names, out);
            case "LeakyReLU" -> act(ActivationFn.LEAKY_RELU, real(v, "alpha"), origin, names, out);
            case "GELU" -> act(ActivationFn.GELU, 0, origin, names, out);
            case "Sigmoid" -> act(ActivationFn.SIGMOID, 0, origin, names, out);
            case "Tanh" -> act(ActivationFn.TANH, 0, origin, names, out);
            case "Softmax" -> act(ActivationFn.SOFTMAX, 0, origin, names, out);
            default -> { /* not a layer annotation */ }
        }
    }

    /** Default slope of {@code Act.LEAKY_RELU} (that of {@code @LeakyReLU}). */
    static final double DEFAULT_LEAKY_ALPHA = 0.01;

    private static void activation(Origin origin, Map<String, Object> v, Names names, List<LayerSpec> out) {
        String act = (String) v.get("activation");
        if (act == null || act.equals("NONE")) {
            return;
        }
        ActivationFn fn = ActivationFn.valueOf(act);
        double alpha = fn == ActivationFn.LEAKY_RELU ? DEFAULT_LEAKY_ALPHA : 0;
        out.add(new ActivationSpec(names.next(fn.suffix()), origin.withAttribute("activation"), fn, alpha));
    }

    private static void act(ActivationFn fn, double alpha, Origin origin, Names names, List<LayerSpec> out) {
        out.add(new ActivationSpec(names.next(fn.suffix()), origin, fn, alpha));
    }

    private static int integer(Map<String, Object> v, String name) {
        return ((Number) v.get(name)).intValue();
    }

    private static double real(Map<String, Object> v, String name) {
        return ((Number) v.get(name)).doubleValue();
    }

    private static PaddingMode padding(Map<String, Object> v) {
        return PaddingMode.valueOf((String) v.get("padding"));
    }
}
