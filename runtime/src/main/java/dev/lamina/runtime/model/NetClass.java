package dev.lamina.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.LaminaNet;

/**
 * A processor-generated {@code <Name>Net} class, used through its typed {@link LaminaNet} handle
 * (its {@code NET} constant). A saved model records the class by name, so loading one without the
 * class in hand is the one place that looks a class up by name ({@link #forName}).
 */
record NetClass(Class<?> type, LaminaNet net) {

    /** The generated Net class {@code type}, through its {@code NET} handle. */
    NetClass(Class<?> type) {
        this(type, handle(type));
    }

    private static LaminaNet handle(Class<?> type) {
        try {
            return LaminaNet.of(type);
        } catch (IllegalArgumentException e) {
            throw new LaminaModelException(e.getMessage(), e);
        }
    }

    /** The class named {@code name}, loaded from the thread's context class loader (else this one's). */
    static NetClass forName(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return new NetClass(Class.forName(name, true, loader != null ? loader : NetClass.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LaminaModelException("the saved model's class " + name + " is not on the class path;"
                    + " add the project that declares it, or call LaminaModel.load(dir, <Name>Net.class)", e);
        }
    }

    Block newBlock() {
        return net.newBlock();
    }

    /** The input with a batch axis of 1, e.g. (1, 1, 28, 28). */
    Shape inputShape() {
        return net.inputShape();
    }

    /** The model's name, e.g. {@code FashionCnn}. */
    String modelName() {
        return net.name();
    }
}
