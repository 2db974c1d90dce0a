package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduction: CIFAR-shaped data for a (1, 28, 28) model is a usage error, not a run. */
class DataShapeCommandTest {

    @TempDir
    Path dir;

    /** Writes CIFAR-10's six binary batch files with {@code perFile} random 3x32x32 records each. */
    static void writeCifar10(Path dir, int perFile) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(3);
        for (String name : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"}) {
            byte[] bytes = new byte[perFile * 3073];
            random.nextBytes(bytes);
            for (int r = 0; r < perFile; r++) {
                bytes[r * 3073] = (byte) (r % 10);
            }
            Files.write(dir.resolve(name), bytes);
        }
    }

    @Test
    void cifarDataForAGreyModelExitsTwoNamingBothShapes() throws IOException {
        Path data = dir.resolve("cifar");
        writeCifar10(data, 10);
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "FashionCnn", "--dataset", "cifar10", "--data", data.toString(),
                "--epochs", "1", "--device", "cpu", "--out", out.toString());

        assertEquals(LaminaCli.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("holds examples of shape (3, 32, 32), but the model takes (1, 28, 28)"),
                run.err());
        assertFalse(run.out().contains("epoch 1"), "no epoch ran:\n" + run.out());
        assertFalse(Files.exists(out.resolve("last.json")), "no checkpoint was written");
    }
}
