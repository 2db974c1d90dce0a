package dev.lamina.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Test double: runs a processor in an environment whose {@link Filer} throws an unexpected
 * {@link IllegalStateException} when asked to create one given source file, to prove that an
 * unexpected failure on one model becomes an error on it and spares the others.
 */
final class FailingEnvironment {

    private FailingEnvironment() {}

    static Processor wrap(Processor processor, String failingSource) {
        return new AbstractProcessor() {
            @Override
            public synchronized void init(ProcessingEnvironment env) {
                super.init(env);
                ProcessingEnvironment failing = proxy(ProcessingEnvironment.class, env, (target, method, args) ->
                        method.getName().equals("getFiler") ? filer(env.getFiler(), failingSource)
                                : invoke(target, method, args));
                processor.init(failing);
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return processor.getSupportedAnnotationTypes();
            }

            @Override
            public Set<String> getSupportedOptions() {
                return processor.getSupportedOptions();
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return processor.getSupportedSourceVersion();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                return processor.process(annotations, round);
            }
        };
    }

    private static Filer filer(Filer real, String failingSource) {
        return proxy(Filer.class, real, (target, method, args) -> {
            if (method.getName().equals("createSourceFile") && failingSource.contentEquals((CharSequence) args[0])) {
                throw new IllegalStateException("injected failure");
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
