package dev.lamina.processor.codegen;

import com.palantir.javapoet.ClassName;
import dev.lamina.processor.model.DjlClass;

/**
 * Every DJL and Lamina runtime type the generated code refers to, by name: those of the Net
 * itself here, those of the layer kinds' blocks in {@link DjlClass} (the processor has no
 * dependency on DJL or the runtime).
 */
final class DjlTypes {

    private DjlTypes() {}

    static final ClassName BLOCK = ClassName.get("ai.djl.nn", "Block");
    static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");
    /** The residual projection's convolution and batch norm (layer kinds name theirs in {@link DjlClass}). */
    static final ClassName CONV2D = of(DjlClass.CONV2D);
    static final ClassName BATCH_NORM = of(DjlClass.BATCH_NORM);

    static final ClassName NAMED_SEQUENTIAL = ClassName.get("dev.lamina.runtime.blocks", "NamedSequentialBlock");
    static final ClassName RESIDUAL = ClassName.get("dev.lamina.runtime.blocks", "ResidualBlock");
    /** The layer descriptor of {@code descriptor()} ({@link DescriptorCode}). */
    static final ClassName NET_DESCRIPTOR = ClassName.get("dev.lamina.runtime.descriptor", "NetDescriptor");
    /** {@code dev.lamina.Model.Task}, the task a Net's descriptor records. */
    static final ClassName MODEL_TASK = ClassName.get("dev.lamina", "Model", "Task");
    static final ClassName LAYER_DESCRIPTOR = ClassName.get("dev.lamina.runtime.descriptor", "LayerDescriptor");
    static final ClassName ONNX_RECIPE = ClassName.get("dev.lamina.runtime.descriptor", "OnnxRecipe");
    /** The runtime interface of every generated Net's {@code NET} handle. */
    static final ClassName LAMINA_NET = ClassName.get("dev.lamina.runtime", "LaminaNet");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    /**
     * Simple names of the JDK types the Net names ({@code java.lang} and {@code java.util}) and of
     * the runtime's nested descriptor types, which {@link #simpleNames()} does not list.
     */
    private static final java.util.List<String> OTHER_NAMES = java.util.List.of("String", "Override", "Object",
            "Class", "List", "ArrayList", "Layer", "SubModel");

    /**
     * Every simple name a Net may refer to a type by, but those of sub-models' Nets: the Net names
     * each such type by its qualified name (JavaPoet's {@code alwaysQualify}), so a class of the
     * same simple name in the model's package (a user's {@code String}, {@code Shape}, or a model
     * named {@code Override}) cannot be what it means.
     */
    static java.util.Set<String> qualifiedNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(simpleNames());
        names.addAll(OTHER_NAMES);
        return names;
    }

    /** The class a layer kind's recipe names. */
    static ClassName of(DjlClass type) {
        return ClassName.get(type.packageName(), type.simpleName());
    }

    /**
     * Simple names of all the types above and of every {@link DjlClass} (read from the fields and
     * the enum, so a new one cannot be forgotten).
     */
    static java.util.Set<String> simpleNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (DjlClass type : DjlClass.values()) {
            names.add(type.simpleName());
        }
        for (java.lang.reflect.Field field : DjlTypes.class.getDeclaredFields()) {
            if (field.getType() == ClassName.class) {
                try {
                    names.add(((ClassName) field.get(null)).simpleName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
