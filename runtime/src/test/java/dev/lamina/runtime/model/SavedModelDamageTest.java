package dev.lamina.runtime.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of an edited {@code lamina-model.json} is checked when the model loads (issue 21
 * items 8, 10, 22): each edit here used to predict wrongly with exit 0, or fail with an internal
 * error (ClassCastException, IndexOutOfBounds, "failed inside DJL").
 */
class SavedModelDamageTest {

    @TempDir
    Path tmp;

    private Path saved() throws Exception {
        Path dir = tmp.resolve("model");
        try (NDManager manager = NDManager.newBaseManager()) {
            LaminaModel.save(dir, TinyNet.class, LaminaModelTest.trainedTiny(manager, 7), LaminaModelTest.CLASSES,
                    new Normalization(new double[] {0.25}, new double[] {0.5}), Map.of("epoch", 3, "dataset", "test"));
        }
        return dir;
    }

    private static String refusalAfter(Path dir, String key, Object value) throws Exception {
        Path file = dir.resolve(SavedModelInfo.FILE);
        String original = Files.readString(file);
        Map<String, Object> json = Json.asObject(Json.parse(original), "model");
        json.put(key, value);
        Files.writeString(file, Json.write(json));
        try {
            return assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir).close()).getMessage();
        } finally {
            Files.writeString(file, original);
        }
    }

    private static void assertRefused(Path dir, String key, Object value, String expected) throws Exception {
        String message = refusalAfter(dir, key, value);
        assertTrue(message.contains(expected), key + " = " + value + ": " + message);
        assertTrue(message.lines().count() == 1, message);
    }

    @Test
    void everyFieldIsCheckedOnLoad() throws Exception {
        Path dir = saved();
        assertRefused(dir, "classes", List.of("cat", "dog"), "names 2 classes but Tiny has 3 outputs");
        assertRefused(dir, "classes", List.of(), "names 0 classes but Tiny has 3 outputs");
        assertRefused(dir, "classes", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                "names 12 classes but Tiny has 3 outputs");
        assertRefused(dir, "classes", List.of("cat", 3, "bird"), "\"classes\" holds 3, not a class name");
        assertRefused(dir, "normalization", Map.of("mean", List.of(0.25), "std", List.of(1e-300)),
                "normalization std must be finite and at least 1.0E-6");
        assertRefused(dir, "normalization", Map.of("mean", List.of("NaN"), "std", List.of(0.5)),
                "\"normalization.mean[0]\" must be a finite number");
        assertRefused(dir, "normalization", Map.of("mean", List.of(0.1, 0.2, 0.3), "std", List.of(0.5, 0.5, 0.5)),
                "has a normalization of 3 channel(s) but Tiny takes 1");
        assertRefused(dir, "input_shape", List.of(1, -8, 8), "\"input_shape[1]\" is -8, outside [1, ");
        assertRefused(dir, "input_shape", "1x8x8", "\"input_shape\" is not a JSON array");
        assertRefused(dir, "input_shape", List.of("1", 8, 8), "\"input_shape[0]\" is missing or not a number: \"1\"");
        assertRefused(dir, "model", "Other", "names model \"Other\" but its net_class");
        assertRefused(dir, "parameters_file", "../../other/x.params",
                "\"parameters_file\" must name a file in the same directory");
        assertRefused(dir, "parameters_file", "/etc/passwd", "\"parameters_file\" must name a file in the same directory");
        assertRefused(dir, "parameters_bytes", "12", "\"parameters_bytes\" is missing or not a number");
        assertRefused(dir, "parameters_sha256", "abc", "\"parameters_sha256\" is not a SHA-256");
        assertRefused(dir, "training", List.of(), "\"training\" is not a JSON object");
        // and the directory still loads once the edits are undone
        LaminaModel.load(dir).close();
    }

    @Test
    void aModelFileThatIsNoSmallRegularFileIsNotRead() throws Exception {
        Path dir = saved();
        Path file = dir.resolve(SavedModelInfo.FILE);
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/zero"));
        String message = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir)).getMessage();
        assertTrue(message.contains(file + " is not a regular file"), message);
        Files.delete(file);
        Files.createDirectory(file);
        message = assertThrows(LaminaModelException.class, () -> LaminaModel.load(dir)).getMessage();
        assertTrue(message.contains(file + " is a directory"), message);
    }
}
