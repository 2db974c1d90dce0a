package dev.lamina.processor.bench;

import dev.lamina.processor.LaminaProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Measures what the Lamina processor adds to javac (issue 4, point 7: "linting and generating
 * 200 models in one compilation adds &lt; 1 s"). Not a test: a command that prints numbers.
 *
 * <p>It writes {@code N} realistic model classes ({@link BenchmarkModels}), generates their Nets
 * once, then compiles in-process with {@code javax.tools} (as maven-compiler-plugin does), in
 * the same JVM, alternating four configurations so that load on the machine hits all alike:
 * <ol type="A">
 *   <li>the model sources alone, {@code -proc:none} (the user's own code);
 *   <li>the model sources plus the generated Net sources, {@code -proc:none} (the same output,
 *       compiled without processing);
 *   <li>the model sources with {@link CopyingProcessor}, which writes the same Nets without any
 *       analysis (javac's own price for a processor that generates sources);
 *   <li>the model sources with the Lamina processor, which reads, validates, shapes, lints and
 *       generates the Nets; the time spent inside it is measured too ({@link TimedProcessor}).
 * </ol>
 * {@code D - C} is Lamina's own work; {@code D - B} all annotation processing; {@code D - A}
 * everything Lamina adds to a build, compiling the generated Nets included.
 *
 * <p>Run from the repository root (see docs/processor-performance.md):
 * <pre>
 * mvn -B -o -q -pl processor -am test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp processor/target/classes:processor/target/test-classes:$(cat processor/target/test.classpath) \
 *     dev.lamina.processor.bench.ProcessorBenchmark [models=200] [warmups=3] [runs=7]
 * </pre>
 */
public final class ProcessorBenchmark {

    private static final long SEED = 42;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessorBenchmark() {}

    public static void main(String[] args) throws IOException {
        int models = argument(args, 0, 200);
        int warmups = argument(args, 1, 3);
        int runs = argument(args, 2, 7);
        Path work = Files.createTempDirectory("lamina-bench");
        try {
            run(work, models, warmups, runs);
        } finally {
            delete(work);
        }
    }

    private static void run(Path work, int count, int warmups, int runs) throws IOException {
        List<Path> models = writeModels(work.resolve("src"), new BenchmarkModels(SEED).generate(count));
        long layers = models.stream().mapToLong(ProcessorBenchmark::layerFields).sum();
        Path nets = Files.createDirectories(work.resolve("nets"));
        Outcome generation = compile(work, models, List.of("-proc:only", "-s", nets.toString()),
                new LaminaProcessor());
        List<Path> netSources = javaFiles(nets);
        if (netSources.size() != models.size()) {
            throw new IllegalStateException(netSources.size() + " Nets for " + models.size() + " models");
        }
        Map<String, String> netText = new HashMap<>();
        for (Path net : netSources) {
            String model = net.getFileName().toString().replaceFirst("Net\\.java$", "");
            netText.put(BenchmarkModels.PACKAGE + "." + model, Files.readString(net));
        }
        List<Path> modelsAndNets = new ArrayList<>(models);
        modelsAndNets.addAll(netSources);
        System.out.printf(Locale.ROOT, "%d model classes (%d layer fields), %d generated Nets; java %s, %d CPUs%n",
                models.size(), layers, netSources.size(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "lint findings in the lamina run: %d warnings, %d notes%n",
                generation.warnings(), generation.notes());
        System.out.println("columns: A models | B models+nets | C copying processor | D lamina | inside lamina"
                + " -- wall-clock s / CPU s of the compiling thread");

        String[] names = {"A models (-proc:none)", "B models+nets (-proc:none)", "C copying processor",
            "D lamina processor", "inside lamina (part of D)"};
        double[][] wall = new double[names.length][runs];
        double[][] cpu = new double[names.length][runs];
        for (int i = -warmups; i < runs; i++) {
            TimedProcessor lamina = new TimedProcessor(new LaminaProcessor());
            Outcome[] round = {
                compile(work, models, List.of("-proc:none"), null),
                compile(work, modelsAndNets, List.of("-proc:none"), null),
                compile(work, models, List.of(), new CopyingProcessor(netText)),
                compile(work, models, List.of(), lamina),
                new Outcome(lamina.seconds(), lamina.cpuSeconds(), 0, 0),
            };
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %2d:",
                    i < 0 ? "warm-up" : "run    ", i < 0 ? i + warmups + 1 : i + 1));
            for (int c = 0; c < names.length; c++) {
                line.append(String.format(Locale.ROOT, "  %5.2f/%5.2f", round[c].seconds(), round[c].cpuSeconds()));
                if (i >= 0) {
                    wall[c][i] = round[c].seconds();
                    cpu[c][i] = round[c].cpuSeconds();
                }
            }
            System.out.println(line);
        }
        double[] w = new double[names.length];
        double[] u = new double[names.length];
        System.out.printf(Locale.ROOT, "median of %d runs after %d warm-ups:   wall-clock      CPU%n", runs, warmups);
        for (int c = 0; c < names.length; c++) {
            w[c] = median(wall[c]);
            u[c] = median(cpu[c]);
            System.out.printf(Locale.ROOT, "  %-30s %8.3f s  %7.3f s%n", names[c], w[c], u[c]);
        }
        difference("D - C  lamina's own work (analysis, lints, generation)", w[3] - w[2], u[3] - u[2], models.size());
        difference("D - B  all processing (lamina + javac's extra round)", w[3] - w[1], u[3] - u[1], models.size());
        difference("D - A  all lamina adds (incl. compiling the Nets)", w[3] - w[0], u[3] - u[0], models.size());
    }

    private static void difference(String what, double wall, double cpu, int models) {
        System.out.printf(Locale.ROOT, "%-56s %+7.3f s  %+7.3f s  (CPU %.2f ms per model)%n", what, wall, cpu,
                1000 * cpu / models);
    }

    /** javac's result: wall-clock seconds and diagnostic counts. */
    private record Outcome(double seconds, double cpuSeconds, int warnings, int notes) {}

    /** Compiles in-process; {@code processor} is the only processor, or none when {@code null}. */
    private static Outcome compile(Path work, List<Path> sources, List<String> extraOptions, Processor processor)
            throws IOException {
        Path classes = Files.createTempDirectory(work, "classes");
        Path generated = Files.createTempDirectory(work, "generated");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
        if (!extraOptions.contains("-s")) {
            options.addAll(List.of("-s", generated.toString()));
        }
        options.addAll(extraOptions);
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            task.call();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        int warnings = 0;
        int notes = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            switch (d.getKind()) {
                case ERROR -> throw new IllegalStateException("compilation failed: " + d);
                case WARNING, MANDATORY_WARNING -> warnings++;
                default -> notes++;
            }
        }
        delete(classes);
        delete(generated);
        return new Outcome(seconds, cpuSeconds, warnings, notes);
    }

    private static List<Path> writeModels(Path src, Map<String, String> sources) throws IOException {
        Path dir = Files.createDirectories(src.resolve(BenchmarkModels.PACKAGE));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            files.add(Files.writeString(dir.resolve(source.getKey() + ".java"), source.getValue()));
        }
        return files;
    }

    private static long layerFields(Path model) {
        try (Stream<String> lines = Files.lines(model)) {
            return lines.filter(line -> line.startsWith("    @") || line.matches("    \\w+ \\w+;")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
