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
import java.io.IOException;
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
 * compiles; for every case that compiles, the descriptor records the declared task, the compile-time
 * output shape and parameter counts equal DJL's after {@code initialize}, and a forward pass (inference and training) has the
 * promised shape and no NaN.
 *
 * <p>The quick run in {@code mvn verify} checks 200 cases of seed 15. The long run (docs/reliability.md):
 * {@code mvn -B -o test -pl examples -am -Dtest=ModelFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlamina.fuzz.count=1000 -Dlamina.fuzz.seed=1}.
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
        long compileNanos;
        long djlNanos;
        final List<String> failures = new ArrayList<>();
    }

    /** Cases compiled by one javac run; each case has its own package, so they cannot interfere. */
    private static final int BATCH = 25;

    private static final java.util.regex.Pattern CASE = java.util.regex.Pattern.compile("fuzz[/.]c(\\d+)[/.]");

    @Test
    void randomModelsCompileOrGetErrorsAndMatchDjl() throws Exception {
        long seed = Long.getLong("lamina.fuzz.seed", 15);
        int count = Integer.getInteger("lamina.fuzz.count", 200);
        Tally tally = new Tally();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        long start = System.nanoTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null);
             NDManager manager = NDManager.newBaseManager()) {
            for (int first = 0; first < count; first += BATCH) {
                java.util.Map<Integer, ModelGenerator.Case> batch = new java.util.LinkedHashMap<>();
                for (int id = first; id < Math.min(count, first + BATCH); id++) {
                    batch.put(id, ModelGenerator.generate(seed, id));
                }
                try {
                    checkBatch(batch, javac, files, manager, tally);
                } catch (Exception | Error e) {
                    tally.failures.add("cases " + first + "..: the harness or DJL threw " + e);
                }
                tally.cases += batch.size();
                if (tally.cases % 500 == 0) {
                    System.out.printf(Locale.ROOT, "[fuzz] %d of %d classes, %.0f s, %d failures so far%n", tally.cases,
                            count, (System.nanoTime() - start) / 1e9, tally.failures.size());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[fuzz] seed %d: %d classes (%d with an injected error), %d compiled, %d"
                        + " rejected, %d checked against DJL (%d with the NaN check), %.1f s (%.1f s per 1,000),"
                        + " %d failures (javac %.1f s, DJL %.1f s)%n", seed, tally.cases, tally.injected, tally.compiled, tally.rejected,
                tally.checkedWithDjl, tally.forwardChecked, seconds, seconds * 1000 / tally.cases,
                tally.failures.size(), compileNanos / 1e9, tally.djlNanos / 1e9);
        assertEquals(List.of(), tally.failures.subList(0, Math.min(10, tally.failures.size())),
                tally.failures.size() + " failures");
        // the oracles must have had work to do
        assertTrue(tally.checkedWithDjl > count / 3, "only " + tally.checkedWithDjl + " models reached DJL");
        assertTrue(tally.rejected >= tally.injected, "every injected error rejected");
    }

    /** The result of one javac run: whether it succeeded, and its errors by case id (-1: no case). */
    private record Outcome(boolean ok, java.util.Map<Integer, List<Diagnostic<? extends JavaFileObject>>> errors) {}

    private Outcome compile(java.util.Collection<ModelGenerator.Case> cases, Path out, JavaCompiler javac,
                            StandardJavaFileManager files) throws IOException {
        Files.createDirectories(out);
        List<JavaFileObject> sources = new ArrayList<>();
        for (ModelGenerator.Case c : cases) {
            for (ModelGenerator.Source s : c.sources()) {
                sources.add(new Memory(c.packageName() + "." + s.simpleName(), s.code()));
            }
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", out.toString(), "-s", out.toString(), "-classpath",
                System.getProperty("java.class.path"));
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, sources);
        task.setProcessors(List.of(new LaminaProcessor()));
        long start = System.nanoTime();
        boolean ok = task.call(); // a javac crash throws: the harness reports it for the batch
        compileNanos += System.nanoTime() - start;
        java.util.Map<Integer, List<Diagnostic<? extends JavaFileObject>>> errors = new java.util.HashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                java.util.regex.Matcher m = CASE.matcher(d.getSource() == null ? "" : d.getSource().toUri().toString());
                errors.computeIfAbsent(m.find() ? Integer.parseInt(m.group(1)) : -1, k -> new ArrayList<>()).add(d);
            }
        }
        return new Outcome(ok, errors);
    }

    private int runs;
    private long compileNanos;

    private void checkBatch(java.util.Map<Integer, ModelGenerator.Case> batch, JavaCompiler javac,
                            StandardJavaFileManager files, NDManager manager, Tally tally) throws Exception {
        Path firstDir = dir.resolve("run" + runs++);
        Outcome first = compile(batch.values(), firstDir, javac, files);
        java.util.Map<Integer, ModelGenerator.Case> clean = new java.util.LinkedHashMap<>();
        for (ModelGenerator.Case c : batch.values()) {
            if (c.injected() != null) {
                tally.injected++;
            }
            List<Diagnostic<? extends JavaFileObject>> errors = first.errors().getOrDefault(c.id(), List.of());
            if (errors.isEmpty()) {
                clean.put(c.id(), c);
                continue;
            }
            tally.rejected++;
            for (Diagnostic<? extends JavaFileObject> e : errors) {
                String text = e.getMessage(Locale.ROOT);
                if (!text.contains("[lamina:") || text.contains("[lamina:InternalError]")
                        || !(e.getSource() instanceof Memory) || e.getLineNumber() <= 0) {
                    tally.failures.add(describe(c, "an error that is not a located Lamina error: "
                            + e.getSource().getName() + ":" + e.getLineNumber() + ": " + text));
                    break;
                }
            }
        }
        if (first.errors().containsKey(-1)) {
            tally.failures.add("cases " + batch.keySet() + ": errors outside any case's sources: "
                    + first.errors().get(-1));
            return;
        }
        if (!first.ok() && first.errors().isEmpty()) {
            tally.failures.add("cases " + batch.keySet() + ": compilation failed without an error");
            return;
        }
        // the cases without errors again, on their own: now the Nets are compiled too
        Path classes = first.ok() ? firstDir : dir.resolve("run" + runs++);
        Outcome second = first.ok() ? first : compile(clean.values(), classes, javac, files);
        for (ModelGenerator.Case c : clean.values()) {
            List<Diagnostic<? extends JavaFileObject>> errors = second.errors().getOrDefault(c.id(), List.of());
            if (!errors.isEmpty()) {
                tally.failures.add(describe(c, "compiles with an error only when others fail, or its Net does not"
                        + " compile: " + errors));
                continue;
            }
            if (c.injected() != null) {
                tally.failures.add(describe(c, "compiled despite the injected error '" + c.injected() + "'"));
                continue;
            }
            tally.compiled++;
            long start = System.nanoTime();
            crossCheck(c, classes, manager, tally);
            tally.djlNanos += System.nanoTime() - start;
        }
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
            Object task = ((dev.lamina.runtime.descriptor.NetDescriptor) call(net, "descriptor")).task();
            if (!String.valueOf(task).equals(c.task())) {
                tally.failures.add(describe(c, "descriptor task " + task + ", declared " + c.task()));
                return;
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
