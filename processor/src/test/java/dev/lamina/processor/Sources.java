package dev.lamina.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test helpers: model sources in package {@code test} and compiling them with the processor. */
final class Sources {

    private Sources() {}

    /** A source file {@code test/<name>.java} importing {@code dev.lamina.*}; body lines joined. */
    static JavaFileObject model(String name, String... lines) {
        return JavaFileObjects.forSourceLines("test." + name,
                concat(new String[] {"package test;", "", "import dev.lamina.*;", ""}, lines));
    }

    static Compilation compile(JavaFileObject... sources) {
        return compiler().compile(sources);
    }

    static Compiler compiler() {
        return Compiler.javac().withProcessors(new LaminaProcessor()).withOptions("-Xlint:all", "-Werror");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
