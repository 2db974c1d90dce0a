package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's log, as a user sees it: a {@code lamina train} in a fresh JVM (its own SLF4J start-up,
 * the CLI's class path and {@code simplelogger.properties}) with an empty DJL cache (so DJL unpacks
 * libtorch and reads no index it has saved) prints no SLF4J warning and names no download host.
 */
class CleanLogTest {

    @Test
    void aTrainingRunInAFreshJvmLogsNoSlf4jWarningAndNoDownloadHost(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("djl-cache"));
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LaminaCli.class.getName(),
                "train", "Plain", "--epochs", "1", "--limit-batches", "1", "--data",
                Fixture.fashionMnistSmall().toAbsolutePath().toString(), "--device", "cpu",
                "--out", dir.resolve("run").toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        // DJL's cache (the unpacked libtorch, the index it saves) in an empty folder of the test's
        // own, and nothing from the test JVM's environment that sets DJL's offline mode: the CLI
        // must keep DJL offline itself.
        builder.environment().put("DJL_CACHE_DIR", cache.toString());
        builder.environment().put("ENGINE_CACHE_DIR", cache.toString());
        builder.environment().remove("DJL_OFFLINE");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "lamina train did not end in 180 s");
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(LaminaCli.OK, process.exitValue(), () -> err + read(dir.resolve("stdout.txt")));
        List<String> noise = err.lines()
                .filter(line -> line.contains("SLF4J") || line.contains("Unknown host") || line.contains("UnknownHost")
                        || line.contains("index file") || line.contains("djl.ai"))
                .toList();
        assertTrue(noise.isEmpty(), () -> "the CLI's stderr has:\n" + String.join("\n", noise));
        assertTrue(Files.isDirectory(dir.resolve("run/model")), "the run saved its model");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
