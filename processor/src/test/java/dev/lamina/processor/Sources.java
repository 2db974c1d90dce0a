package dev.lamina.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Test helpers: model sources in package {@code test} and compiling them with the processor. */
public final class Sources {

    private Sources() {}

    /** A source file {@code test/<name>.java} importing {@code dev.lamina.*}; body lines joined. */
    public static JavaFileObject model(String name, String... lines) {
        return JavaFileObjects.forSourceLines("test." + name,
                concat(new String[] {"package test;", "", "import dev.lamina.*;", ""}, lines));
    }

    static Compilation compile(JavaFileObject... sources) {
        return compiler().compile(sources);
    }

    static Compiler compiler() {
        return Compiler.javac().withProcessors(new LaminaProcessor()).withOptions("-Xlint:all", "-Werror");
    }

    /**
     * Names of the source files the processor generates for {@code sources}, even when the
     * compilation fails (compile-testing hides generated files of a failed compilation).
     */
    public static Set<String> generatedFileNames(JavaFileObject... sources) throws IOException {
        return generatedFileNames(new LaminaProcessor(), List.of(), sources);
    }

    /** As {@link #generatedFileNames(JavaFileObject...)}, with extra javac options. */
    public static Set<String> generatedFileNames(List<String> options, JavaFileObject... sources)
            throws IOException {
        return generatedFileNames(new LaminaProcessor(), options, sources);
    }

    /** As {@link #generatedFileNames(List, JavaFileObject...)}, with the given processor. */
    public static Set<String> generatedFileNames(Processor processor, List<String> options,
                                                 JavaFileObject... sources) throws IOException {
        Path generated = Files.createTempDirectory("lamina-generated");
        Path classes = Files.createTempDirectory("lamina-classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            List<String> all = new java.util.ArrayList<>(List.of("-proc:only", "-s", generated.toString(),
                    "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
            all.addAll(options);
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostic -> { }, all, null,
                    List.of(sources));
            task.setProcessors(List.of(processor));
            task.call();
        }
        try (Stream<Path> walk = Files.walk(generated)) {
            return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
