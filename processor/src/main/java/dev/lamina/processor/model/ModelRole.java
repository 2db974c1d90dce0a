package dev.lamina.processor.model;

/**
 * What a model is for, as its {@code @Model(role)} declares it (never inferred from the other
 * models of the compilation): the lints read it, so a model gets the same findings whether it is
 * compiled alone or with the models that use it.
 */
public enum ModelRole {
    /** A whole network: its output vector is a classifier's logits, its input the network's input. */
    NETWORK,
    /** A building block other models use as a field ({@code @Model(role = Model.Role.BLOCK)}, or no input). */
    BLOCK,
    /**
     * The main path of a {@code @Residual} block ({@code @Model(role = Model.Role.RESIDUAL_BLOCK)}):
     * a building block whose dropout between two of its convolutions is the Wide ResNet design.
     */
    RESIDUAL_BLOCK;

    /** The constant of {@code dev.lamina.Model.Role} that declares this role, as users write it. */
    public String declaration() {
        return "Model.Role." + name();
    }

    /** Whether other models use a model of this role as a field. */
    public boolean isBlock() {
        return this != NETWORK;
    }
}
