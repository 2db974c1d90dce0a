package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands never overwrite their own inputs, a run's or a saved model's files, a link, or an
 * existing file without {@code --force} (issue 21 item 2): each of these used to replace the file
 * and exit 0.
 */
class OwnInputsCommandTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path image;

    @BeforeAll
    static void train() throws Exception {
        run = SmallRun.train(tmp.resolve("run"), 2);
        image = SmallRun.png(tmp.resolve("shoe.png"), 28, 28);
    }

    private static void assertRefusedUnchanged(Path file, String expected, String... args) throws Exception {
        byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        CliRun result = CliRun.of(args);
        assertEquals(LaminaCli.USAGE, result.code(), result.both());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(file), file + " unchanged");
        }
    }

    @Test
    void exportNeverWritesIntoTheRunItReads() throws Exception {
        Path last = run.resolve("last.json");
        assertRefusedUnchanged(last, "--to " + last + " is inside " + run + ", which this command reads",
                "export", run.toString(), "--format", "onnx", "--to", last.toString());
        Path model = run.resolve("model");
        assertRefusedUnchanged(model.resolve("lamina-model.json"), "is inside " + run,
                "export", run.toString(), "--to", model.toString());
        assertRefusedUnchanged(model.resolve("lamina-model.json"), "is inside " + model,
                "export", model.toString(), "--format", "onnx", "--to", model.resolve("lamina-model.json").toString());
    }

    @Test
    void predictNeverWritesItsModelOrItsImages() throws Exception {
        Path model = run.resolve("model");
        Path info = model.resolve("lamina-model.json");
        assertRefusedUnchanged(info, "--out " + info + " is inside " + model,
                "predict", model.toString(), image.toString(), "--out", info.toString());
        assertRefusedUnchanged(image, "--out " + image + " is a file this command reads",
                "predict", model.toString(), image.toString(), "--out", image.toString());
    }

    @Test
    void anExistingFileNeedsForceAndALinkIsNeverReplaced() throws Exception {
        Path onnx = tmp.resolve("existing.onnx");
        Files.writeString(onnx, "mine");
        assertRefusedUnchanged(onnx, "--to " + onnx + " exists; pass --force to replace it",
                "export", run.toString(), "--format", "onnx", "--to", onnx.toString());
        CliRun forced = CliRun.of("export", run.toString(), "--format", "onnx", "--to", onnx.toString(), "--force");
        assertEquals(LaminaCli.OK, forced.code(), forced.both());
        assertTrue(Files.size(onnx) > 1000);

        Path target = tmp.resolve("target.onnx");
        Files.writeString(target, "mine");
        Path link = Files.createSymbolicLink(tmp.resolve("link.onnx"), target);
        assertRefusedUnchanged(target, "--to " + link + " is a link",
                "export", run.toString(), "--format", "onnx", "--to", link.toString(), "--force");
        assertTrue(Files.isSymbolicLink(link));

        Path csv = tmp.resolve("existing.csv");
        Files.writeString(csv, "mine");
        assertRefusedUnchanged(csv, "--out " + csv + " exists; pass --force",
                "predict", run.resolve("model").toString(), image.toString(), "--out", csv.toString());
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "mine");
        assertRefusedUnchanged(file, "--to " + file + " is a file; --format djl writes a saved model directory",
                "export", run.toString(), "--to", file.toString());
    }
}
