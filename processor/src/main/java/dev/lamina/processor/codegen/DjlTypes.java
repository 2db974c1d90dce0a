package dev.lamina.processor.codegen;

import com.palantir.javapoet.ClassName;

/**
 * Every DJL and Lamina runtime type the generated code refers to, by name: the processor has no
 * dependency on DJL or the runtime, so this is the one place to update when DJL moves a class.
 */
final class DjlTypes {

    private DjlTypes() {}

    static final ClassName BLOCK = ClassName.get("ai.djl.nn", "Block");
    static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");
    static final ClassName CONV2D = ClassName.get("ai.djl.nn.convolutional", "Conv2d");
    static final ClassName LINEAR = ClassName.get("ai.djl.nn.core", "Linear");
    static final ClassName BATCH_NORM = ClassName.get("ai.djl.nn.norm", "BatchNorm");
    static final ClassName DROPOUT = ClassName.get("ai.djl.nn.norm", "Dropout");
    static final ClassName POOL = ClassName.get("ai.djl.nn.pooling", "Pool");
    static final ClassName BLOCKS = ClassName.get("ai.djl.nn", "Blocks");
    static final ClassName ACTIVATION = ClassName.get("ai.djl.nn", "Activation");
    static final ClassName LAMBDA_BLOCK = ClassName.get("ai.djl.nn", "LambdaBlock");

    static final ClassName NAMED_SEQUENTIAL = ClassName.get("dev.lamina.runtime.blocks", "NamedSequentialBlock");
    static final ClassName SPATIAL_DROPOUT = ClassName.get("dev.lamina.runtime.blocks", "SpatialDropoutBlock");
    static final ClassName RESIDUAL = ClassName.get("dev.lamina.runtime.blocks", "ResidualBlock");
    /** The runtime interface of every generated Net's {@code NET} handle. */
    static final ClassName LAMINA_NET = ClassName.get("dev.lamina.runtime", "LaminaNet");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    /** Simple names of all the types above (read from the fields, so a new one cannot be forgotten). */
    static java.util.Set<String> simpleNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
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
