package dev.lamina.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.lang.model.element.Element;

/**
 * Test double: runs a processor in an environment whose {@link Filer} shows each
 * {@code createSourceFile(name, originatingElements)} call to a hook first, e.g. to record the
 * originating elements, or to throw an unexpected {@link IllegalStateException} for one file and
 * prove that an unexpected failure on one model becomes an error on it and spares the others.
 */
final class FilerSpy {

    /** Sees each generated source file's name and originating elements before it is created. */
    interface Hook {
        void sourceFile(String name, Element... originatingElements);
    }

    private FilerSpy() {}

    /** The processor, whose Filer throws when asked to create {@code failingSource}. */
    static Processor failingOn(Processor processor, String failingSource) {
        return wrap(processor, (name, origins) -> {
            if (name.equals(failingSource)) {
                throw new IllegalStateException("injected failure");
            }
        });
    }

    static Processor wrap(Processor processor, Hook hook) {
        return new DelegatingProcessor(processor) {
            @Override
            public synchronized void init(ProcessingEnvironment env) {
                ProcessingEnvironment spied = proxy(ProcessingEnvironment.class, env, (target, method, args) ->
                        method.getName().equals("getFiler") ? filer(env.getFiler(), hook)
                                : invoke(target, method, args));
                super.init(spied);
            }
        };
    }

    private static Filer filer(Filer real, Hook hook) {
        return proxy(Filer.class, real, (target, method, args) -> {
            if (method.getName().equals("createSourceFile")) {
                hook.sourceFile(args[0].toString(), (Element[]) args[1]);
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
