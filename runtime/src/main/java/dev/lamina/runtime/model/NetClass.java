package dev.lamina.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A processor-generated {@code <Name>Net} class, called through its static {@code newBlock()},
 * {@code inputShape()} and {@code modelName()} (the runtime cannot name the generated classes).
 */
record NetClass(Class<?> type) {

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
        return (Block) call("newBlock");
    }

    /** The input with a batch axis of 1, e.g. (1, 1, 28, 28). */
    Shape inputShape() {
        return (Shape) call("inputShape");
    }

    /** The model's name, e.g. {@code FashionCnn}. */
    String modelName() {
        return (String) call("modelName");
    }

    private Object call(String method) {
        try {
            Method m = type.getMethod(method);
            return m.invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new LaminaModelException(type.getName() + " is not a generated Lamina Net (it has no public"
                    + " static " + method + "()); pass the <Name>Net class the processor generated", e);
        } catch (InvocationTargetException e) {
            throw new LaminaModelException(type.getName() + "." + method + "() failed: " + e.getCause(), e.getCause());
        }
    }
}
