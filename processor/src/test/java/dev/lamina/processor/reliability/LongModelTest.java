package dev.lamina.processor.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.processor.LaminaProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code stays within javac's limits whatever the model's length and nesting (issue 15,
 * failure 1): an 800-layer model used to overflow javac's stack (one chained expression), and a
 * chain of sub-models, each holding two copies of the next, used to give "code too large" at 12
 * levels and to run for minutes at 16 (every sub-model inlined, and read and shaped once per copy).
 */
class LongModelTest {

    private static Compilation compile(JavaFileObject... sources) {
        // -Xss of the test JVM is the default; javac runs in this thread
        return Compiler.javac().withProcessors(new LaminaProcessor()).compile(sources);
    }

    @Test
    void anEightHundredLayerModelCompiles() {
        List<String> lines = new ArrayList<>(List.of("package test;", "import dev.lamina.*;",
                "@Model(input = {16})", "@SuppressWarnings(\"lamina\")", "public class Long800 {"));
        for (int i = 0; i < 800; i++) {
            lines.add("    @ReLU Layer r" + i + ";");
        }
        lines.add("}");
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> compile(JavaFileObjects.forSourceLines("test.Long800", lines)));
        assertThat(compilation).succeeded();
        String net = source(compilation, "test.Long800Net");
        assertThat(net).contains("block.add(\"r799\", ai.djl.nn.Activation.reluBlock());");
    }

    @Test
    void aSixteenLevelSubModelChainCompilesQuicklyAndEachLevelBuildsTheNext() {
        int levels = 16;
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            String body = i == levels - 1
                    ? "    @Dense(units = 4) @ReLU Layer d;"
                    : "    Level" + (i + 1) + " a;\n    Level" + (i + 1) + " b;";
            sources.add(JavaFileObjects.forSourceString("test.Level" + i, "package test;\nimport dev.lamina.*;\n"
                    + "@Model(input = {4})\n@SuppressWarnings(\"lamina\")\npublic class Level" + i + " {\n"
                    + body + "\n}\n"));
        }
        long start = System.nanoTime();
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> compile(sources.toArray(JavaFileObject[]::new)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(compilation).succeeded();
        String top = source(compilation, "test.Level0Net");
        assertThat(top).contains("block.add(\"a\", Level1Net.newBlock());");
        assertThat(top).contains("block.add(\"b\", Level1Net.newBlock());");
        // 2^15 dense layers of 4x4 + 4 parameters, counted at compile time without expanding them
        assertThat(top).contains("return " + (1L << 15) * 20 + "L;");
        assertThat(seconds).isLessThan(30.0);
    }

    /**
     * Issue 21, failure 17: a model whose summary table is over the class file's 65,535-byte limit
     * of a string constant ("constant string too long": 300 layers with 200-character names, or
     * 3,000 short-named layers), or whose block code is over a method's 64 KiB ("code too large":
     * 7,000 layers), compiles, and its summary is the whole table.
     */
    @Test
    void modelsOverTheClassFileLimitsCompile() throws Exception {
        String longName = "l".repeat(196);
        assertCompilesWhole(denseModel("LongNames", 300, i -> longName + String.format("%04d", i)), 300);
        assertCompilesWhole(denseModel("Short3000", 3000, i -> "d" + i), 3000);
        assertCompilesWhole(denseModel("Long7000", 7000, i -> "d" + i), 7000);
    }

    private static JavaFileObject denseModel(String name, int layers, java.util.function.IntFunction<String> layerName) {
        List<String> lines = new ArrayList<>(List.of("package test;", "import dev.lamina.*;",
                "@Model(input = {8})", "@SuppressWarnings(\"lamina\")", "public class " + name + " {"));
        for (int i = 0; i < layers; i++) {
            lines.add("    @Dense(units = 8) @ReLU Layer " + layerName.apply(i) + ";");
        }
        lines.add("}");
        return JavaFileObjects.forSourceLines("test." + name, lines);
    }

    /** Compiles the model's Net, loads it and checks its summary has a row for each layer. */
    private static void assertCompilesWhole(JavaFileObject model, int layers) throws Exception {
        java.nio.file.Path classes = java.nio.file.Files.createTempDirectory("lamina-long");
        try {
            compileLoadAndCheck(model, layers, classes);
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> made = java.nio.file.Files.walk(classes)) {
                for (java.nio.file.Path p : made.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    private static void compileLoadAndCheck(JavaFileObject model, int layers, java.nio.file.Path classes)
            throws Exception {
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(300),
                () -> Compiler.javac().withProcessors(new LaminaProcessor())
                        .withOptions("-d", classes.toString()).compile(model));
        assertThat(compilation).succeeded();
        String net = model.getName().replaceAll(".*/|\\.java$", "") + "Net";
        for (javax.tools.JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == javax.tools.JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                java.nio.file.Path target = classes.resolve(path.substring(path.indexOf("/test/") + 1));
                java.nio.file.Files.createDirectories(target.getParent());
                try (java.io.InputStream in = file.openInputStream()) {
                    java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // summary() only needs the JDK: call it on the compiled class (its other methods name DJL types)
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                LongModelTest.class.getClassLoader())) {
            String summary = (String) loader.loadClass("test." + net).getMethod("summary").invoke(null);
            assertThat(summary.lines().filter(line -> line.contains(" (Dense) ")).count()).isEqualTo(layers);
            assertThat(summary).endsWith("\n");
        }
    }

    private static String source(Compilation compilation, String name) {
        try {
            return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
