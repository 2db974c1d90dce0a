package dev.lamina.examples.catalog;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.LaminaNet;
import java.util.Objects;

/**
 * One processor-generated {@code <Name>Net}, through its typed handle ({@code <Name>Net.NET}, a
 * {@link LaminaNet}), with what the command line adds to it ({@link #classes()}).
 */
public final class GeneratedNet {
    private final LaminaNet net;

    private GeneratedNet(LaminaNet net) {
        this.net = Objects.requireNonNull(net, "net");
    }

    /** Wraps a generated Net's handle, e.g. {@code GeneratedNet.of(FashionCnnNet.NET)}. */
    public static GeneratedNet of(LaminaNet net) {
        return new GeneratedNet(net);
    }

    /**
     * The generated Net class {@code netClass}, known only at run time (a name given on the
     * command line or recorded in a saved model), through its {@code NET} constant.
     *
     * @throws IllegalArgumentException when it is not a generated Net
     */
    public static GeneratedNet of(Class<?> netClass) {
        return new GeneratedNet(LaminaNet.of(netClass));
    }

    /** The typed handle. */
    public LaminaNet net() {
        return net;
    }

    /** The generated class. */
    public Class<?> netClass() {
        return net.netClass();
    }

    /** The model's name (the {@code @Model} class's simple name). */
    public String name() {
        return net.name();
    }

    /** A fresh, uninitialized DJL block of the model. */
    public Block newBlock() {
        return net.newBlock();
    }

    /** Input shape with a batch axis of 1, e.g. (1, 1, 28, 28). */
    public Shape inputShape() {
        return net.inputShape();
    }

    /** Output shape with a batch axis of 1, e.g. (1, 10). */
    public Shape outputShape() {
        return net.outputShape();
    }

    /** The compile-time summary table (layer, output shape, parameters, totals). */
    public String summary() {
        return net.summary();
    }

    /** Number of trainable parameters, computed at compile time. */
    public long parameterCount() {
        return net.parameterCount();
    }

    /** Number of classes: the last axis of the output shape. */
    public int classes() {
        Shape out = outputShape();
        return (int) out.get(out.dimension() - 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
