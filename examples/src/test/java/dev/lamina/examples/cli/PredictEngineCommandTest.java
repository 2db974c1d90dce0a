package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.model.LaminaModel;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina predict --engine}: ONNX Runtime prints what PyTorch prints; an unknown engine, and
 * ONNX Runtime missing from the class path or failing to load (a JVM started without its jars), is
 * one line and exit code 2.
 */
class PredictEngineCommandTest {
    @TempDir
    static Path tmp;
    static Path model;
    static List<Path> images = new ArrayList<>();

    @BeforeAll
    static void saveAModelAndImages() throws IOException {
        GeneratedNet net = ModelCatalog.resolve("FashionClassifier");
        model = tmp.resolve("model");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = net.newBlock();
            block.initialize(manager, DataType.FLOAT32, net.inputShape());
            LaminaModel.save(model, net.netClass(), block,
                    IntStream.range(0, 10).mapToObj(i -> "class" + i).toList(), null, Map.of("epoch", 1));
        }
        for (int i = 0; i < 3; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28, 28,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 28 * 28; p++) {
                image.getRaster().setSample(p % 28, p / 28, 0, (p * (i + 3)) % 256);
            }
            Path file = tmp.resolve("image" + i + ".png");
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            images.add(file);
        }
    }

    @Test
    void onnxRuntimePrintsWhatPyTorchPrints() {
        List<String> pytorch = predictions(CliRun.of(args("--engine", "pytorch")));
        List<String> ort = predictions(CliRun.of(args("--engine", "onnxruntime")));
        List<String> byDefault = predictions(CliRun.of(args()));
        assertEquals(3, pytorch.size(), String.join("\n", pytorch));
        assertEquals(pytorch, ort);
        assertEquals(pytorch, byDefault, "pytorch is the default");
    }

    @Test
    void anUnknownEngineIsOneLineNamingTheKnownOnes() {
        CliRun run = CliRun.of(args("--engine", "tensorflow"));
        assertEquals(LaminaCli.USAGE, run.code(), run.both());
        assertEquals("lamina predict: unknown inference engine 'tensorflow'; known engines: pytorch, onnxruntime",
                run.err().strip());
    }

    @Test
    void withoutOnnxRuntimeOnTheClassPathTheEngineIsRefusedInOneLine() throws Exception {
        String err = predictInAJvmWithout(jar -> jar.contains("onnxruntime"));
        assertEquals("lamina predict: engine onnxruntime needs DJL's ONNX Runtime engine, which is not on the class"
                + " path: add the dependency ai.djl.onnxruntime:onnxruntime-engine:0.35.1 (lamina-runtime declares"
                + " it optional; see docs/inference.md), or predict with engine pytorch", err);
    }

    @Test
    void anOnnxRuntimeThatDoesNotLoadIsOneLine() throws Exception {
        // DJL's engine without ONNX Runtime itself: the engine is found, but cannot start
        String err = predictInAJvmWithout(jar -> jar.contains("com/microsoft/onnxruntime"));
        assertTrue(err.startsWith("lamina predict: engine onnxruntime: ONNX Runtime does not load ("), err);
        assertTrue(err.contains("ai.onnxruntime.") || err.contains("ai/onnxruntime/"), "names what is missing: " + err);
        assertTrue(err.endsWith("); predict with engine pytorch, or see docs/inference.md"), err);
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("predict", model.toString()));
        images.forEach(i -> all.add(i.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The lines naming an image, with its top classes and probabilities. */
    private static List<String> predictions(CliRun run) {
        assertEquals(LaminaCli.OK, run.code(), run.both());
        return run.out().lines().filter(l -> l.startsWith(tmp.toString())).toList();
    }

    /**
     * Runs {@code lamina predict --engine onnxruntime} in a JVM whose class path lacks the jars
     * {@code dropped} matches; returns its stderr's line from lamina, asserting it is the only one
     * and the exit code is 2.
     */
    private static String predictInAJvmWithout(Predicate<String> dropped) throws Exception {
        List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !dropped.test(entry.replace(File.separatorChar, '/'))).toList();
        assertTrue(kept.size() < System.getProperty("java.class.path").split(File.pathSeparator).length,
                "the class path had the jars to drop");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, kept), "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                LaminaCli.class.getName()));
        command.addAll(List.of(args("--engine", "onnxruntime")));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(LaminaCli.USAGE, process.waitFor(), err);
        List<String> lamina = err.lines().filter(l -> l.startsWith("lamina")).collect(Collectors.toList());
        assertEquals(1, lamina.size(), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        return lamina.get(0);
    }
}
