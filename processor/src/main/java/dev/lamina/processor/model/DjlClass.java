package dev.lamina.processor.model;

/**
 * The DJL and Lamina runtime block classes that layer kinds build ({@link BlockRecipe}), by
 * qualified name: the processor does not depend on DJL, so this is where a kind names one.
 * {@code codegen/DjlTypes} turns them into the generated code's imports.
 */
public enum DjlClass {
    CONV2D("ai.djl.nn.convolutional.Conv2d"),
    LINEAR("ai.djl.nn.core.Linear"),
    BATCH_NORM("ai.djl.nn.norm.BatchNorm"),
    LAYER_NORM("ai.djl.nn.norm.LayerNorm"),
    DROPOUT("ai.djl.nn.norm.Dropout"),
    POOL("ai.djl.nn.pooling.Pool"),
    BLOCKS("ai.djl.nn.Blocks"),
    ACTIVATION("ai.djl.nn.Activation"),
    LAMBDA_BLOCK("ai.djl.nn.LambdaBlock"),
    /** Lamina's own channel-wise dropout (DJL has none). */
    SPATIAL_DROPOUT("dev.lamina.runtime.blocks.SpatialDropoutBlock");

    private final String qualifiedName;

    DjlClass(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    public String packageName() {
        return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    }

    public String simpleName() {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
