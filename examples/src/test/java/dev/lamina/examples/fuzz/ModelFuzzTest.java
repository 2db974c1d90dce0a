package dev.lamina.examples.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.lamina.processor.LaminaProcessor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the processor with {@link ModelGenerator}'s random models, each compiled on its own by
 * javac with the Lamina processor. Oracles: javac never crashes and the processor never throws
 * ({@code InternalError}); every case either compiles or fails with Lamina errors only, each on a
 * line of the case's own sources; every case with an injected error fails; every generated Net
 * compiles; for every case that compiles, the compile-time output shape and parameter counts
 * equal DJL's after {@code initialize}, and a forward pass (inference and training) has the
 * promised shape and no NaN.
 *
 * <p>The quick run in {@code mvn verify} checks 300 cases of seed 15. The long run (docs/reliability.md):
 * {@code mvn -B -o test -pl examples -am -Dtest=ModelFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlamina.fuzz.count=12000 -Dlamina.fuzz.seed=1}.
 */
class ModelFuzzTest {

    @TempDir
    Path dir;

    private static final class Memory extends SimpleJavaFileObject {
        private final String code;

        Memory(String qualified, String code) {
            super(URI.create("string:///" + qualified.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** What happened to the cases, for the summary line and the assertions. */
    private static final class Tally {
        int cases;
        int compiled;
        int rejected;
        int injected;
        int checkedWithDjl;
        int forwardChecked;
        final List<String> failures = new ArrayList<>();
    }

    @Test
    void randomModelsCompileOrGetErrorsAndMatchDjl() throws Exception {
        long seed = Long.getLong("lamina.fuzz.seed", 15);
        int count = Integer.getInteger("lamina.fuzz.count", 300);
        Tally tally = new Tally();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        long start = System.nanoTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null);
             NDManager manager = NDManager.newBaseManager()) {
            for (int id = 0; id < count; id++) {
                ModelGenerator.Case c = ModelGenerator.generate(seed, id);
                try {
                    check(c, javac, files, manager, tally);
                } catch (Exception | Error e) {
                    tally.failures.add(describe(c, "the harness or DJL threw " + e));
                }
                tally.cases++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[fuzz] seed %d: %d classes (%d with an injected error), %d compiled, %d"
                        + " rejected, %d checked against DJL (%d with the NaN check), %.1f s (%.1f s per 1,000),"
                        + " %d failures%n", seed, tally.cases, tally.injected, tally.compiled, tally.rejected,
                tally.checkedWithDjl, tally.forwardChecked, seconds, seconds * 1000 / tally.cases,
                tally.failures.size());
        assertEquals(List.of(), tally.failures.subList(0, Math.min(10, tally.failures.size())),
                tally.failures.size() + " failures");
        // the oracles must have had work to do
        assertTrue(tally.checkedWithDjl > count / 3, "only " + tally.checkedWithDjl + " models reached DJL");
        assertTrue(tally.rejected >= tally.injected, "every injected error rejected");
    }

    private void check(ModelGenerator.Case c, JavaCompiler javac, StandardJavaFileManager files, NDManager manager,
                       Tally tally) throws Exception {
        Path out = Files.createDirectories(dir.resolve("c" + c.id()));
        List<JavaFileObject> sources = new ArrayList<>();
        for (ModelGenerator.Source s : c.sources()) {
            sources.add(new Memory(c.packageName() + "." + s.simpleName(), s.code()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", out.toString(), "-s", out.toString(), "-classpath",
                System.getProperty("java.class.path"));
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, sources);
        task.setProcessors(List.of(new LaminaProcessor()));
        boolean ok;
        try {
            ok = task.call();
        } catch (RuntimeException | Error e) {
            tally.failures.add(describe(c, "javac crashed: " + e));
            return;
        }
        if (c.injected() != null) {
            tally.injected++;
        }
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        for (Diagnostic<? extends JavaFileObject> e : errors) {
            String text = e.getMessage(Locale.ROOT);
            boolean inOwnSource = e.getSource() != null && e.getSource() instanceof Memory && e.getLineNumber() > 0;
            if (!text.contains("[lamina:") || text.contains("[lamina:InternalError]") || !inOwnSource) {
                tally.failures.add(describe(c, "an error that is not a located Lamina error: "
                        + (e.getSource() == null ? "(no file)" : e.getSource().getName()) + ":" + e.getLineNumber()
                        + ": " + text));
                return;
            }
        }
        if (!ok) {
            if (errors.isEmpty()) {
                tally.failures.add(describe(c, "compilation failed without an error"));
            }
            tally.rejected++;
            return;
        }
        tally.compiled++;
        if (c.injected() != null) {
            tally.failures.add(describe(c, "compiled despite the injected error '" + c.injected() + "'"));
            return;
        }
        crossCheck(c, out, manager, tally);
    }

    private void crossCheck(ModelGenerator.Case c, Path out, NDManager manager, Tally tally) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
             NDManager local = manager.newSubManager()) {
            Class<?> net = loader.loadClass(c.packageName() + "." + c.netName());
            Block block = (Block) call(net, "newBlock");
            Shape input = (Shape) call(net, "inputShape");
            Shape output = (Shape) call(net, "outputShape");
            long total = (Long) call(net, "totalParameterCount");
            long trainable = (Long) call(net, "parameterCount");
            block.initialize(local, DataType.FLOAT32, input);
            long djlTotal = 0;
            long djlTrainable = 0;
            for (Parameter p : block.getParameters().values()) {
                djlTotal += p.getArray().size();
                if (p.requiresGradient()) {
                    djlTrainable += p.getArray().size();
                }
            }
            if (djlTotal != total || djlTrainable != trainable) {
                tally.failures.add(describe(c, "parameters: compile time " + trainable + " trainable / " + total
                        + " total, DJL " + djlTrainable + " / " + djlTotal));
                return;
            }
            Shape batch = new Shape(2).addAll(input.slice(1));
            Shape expected = new Shape(2).addAll(output.slice(1));
            Shape declared = block.getOutputShapes(new Shape[] {batch})[0];
            if (!declared.equals(expected)) {
                tally.failures.add(describe(c, "output shape: compile time " + expected + ", DJL " + declared));
                return;
            }
            tally.checkedWithDjl++;
            NDArray x = local.randomUniform(-1f, 1f, batch);
            for (boolean training : new boolean[] {false, true}) {
                NDArray y = block.forward(new ParameterStore(local, false), new NDList(x), training).singletonOrThrow();
                if (!y.getShape().equals(expected)) {
                    tally.failures.add(describe(c, "forward output " + y.getShape() + ", expected " + expected));
                    return;
                }
                if (!c.extreme() && y.isNaN().any().getBoolean()) {
                    tally.failures.add(describe(c, "forward pass (training " + training + ") gave NaN"));
                    return;
                }
            }
            if (!c.extreme()) {
                tally.forwardChecked++;
            }
        }
    }

    private static Object call(Class<?> net, String method) throws ReflectiveOperationException {
        Method m = net.getMethod(method);
        return m.invoke(null);
    }

    private static String describe(ModelGenerator.Case c, String what) {
        StringBuilder text = new StringBuilder("case " + c.id() + " (" + c.model() + (c.injected() == null ? ""
                : ", injected '" + c.injected() + "'") + "): " + what);
        for (ModelGenerator.Source s : c.sources()) {
            text.append("\n---- ").append(s.simpleName()).append(".java\n").append(s.code());
        }
        return text.toString();
    }
}
