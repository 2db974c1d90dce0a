package dev.lamina.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.train.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged checkpoint is refused with a message naming the damaged file and what is wrong, before
 * its parameters reach a block (issue 21 items 6, 10, 16): the parameter and optimizer files are
 * checked against the size and SHA-256 the state records, every field of the state is checked,
 * file names stay inside the directory, and a state file that is not a small regular file is not
 * read at all.
 */
class CheckpointDamageTest {

    @TempDir
    Path dir;

    private NDManager manager;
    private CheckpointStore store;

    @BeforeEach
    void saveOne() throws IOException {
        manager = NDManager.newBaseManager();
        store = new CheckpointStore(dir);
        Block block = block(1);
        TrainingState state = new TrainingState(2, 8, 2, 0.75, 7, RecordedSettings.NONE, EvalTarget.VALIDATION,
                ModelSignature.of(block), DataIdentity.of(Fixtures.leftRight("train", 4, 1),
                        Fixtures.leftRight("test", 2, 2), "validation", "none"),
                List.of(new EpochStats(1, 0.7, 0.6, 0.65, 0.62, 1.5, 900), new EpochStats(2, 0.6, 0.7, 0.6, 0.75, 1.5, 900)));
        store.saveEpoch(block, state, null, true);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Block block(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Block block = Fixtures.smallCnn(2);
        block.initialize(manager, DataType.FLOAT32, Fixtures.INPUT);
        return block;
    }

    private Path params() throws IOException {
        return dir.resolve(Json.string(Json.asObject(Json.parse(Files.readString(dir.resolve("last.json"))), "s"),
                "parameters_file"));
    }

    private String refusal() {
        return assertThrows(CheckpointException.class, () -> store.restore(CheckpointStore.LAST, block(2), manager))
                .getMessage();
    }

    private void editLast(String key, Object value) throws IOException {
        Path last = dir.resolve("last.json");
        Map<String, Object> json = Json.asObject(Json.parse(Files.readString(last)), "last");
        if (value == null) {
            json.remove(key);
        } else {
            json.put(key, value);
        }
        Files.writeString(last, Json.write(json));
    }

    @Test
    void aStateRecordsItsParameterFilesSizeAndHash() throws IOException {
        Map<String, Object> json = Json.asObject(Json.parse(Files.readString(dir.resolve("last.json"))), "last");
        assertEquals(TrainingState.FORMAT, json.get("format"));
        assertEquals(Files.size(params()), ((Number) json.get("parameters_bytes")).longValue());
        assertEquals(StateFiles.sha256(params()), json.get("parameters_sha256"));
    }

    @Test
    void aFlippedByteInTheParametersIsRefusedByItsHash() throws IOException {
        Path params = params();
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.seek(f.length() - 9);
            int b = f.read();
            f.seek(f.length() - 9);
            f.write(b ^ 0xff);
        }
        String message = refusal();
        assertTrue(message.contains(params + " is damaged: its SHA-256 is"), message);
    }

    @Test
    void aTruncatedParameterFileIsRefusedWithItsSizes() throws IOException {
        Path params = params();
        long size = Files.size(params);
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        String message = refusal();
        assertTrue(message.contains(params + " is " + size / 2 + " bytes but") && message.contains("truncated"), message);
    }

    @Test
    void aParameterFileThatIsADirectoryIsSaidToBeOne() throws IOException {
        Path params = params();
        Files.delete(params);
        Files.createDirectory(params);
        String message = refusal();
        assertTrue(message.contains(params + " is a directory"), message);
    }

    @Test
    void aParameterFileOutsideTheDirectoryIsNeverRead() throws IOException {
        for (String name : List.of("../other/x.params", "/etc/passwd", "sub/x.params", "..")) {
            editLast("parameters_file", name);
            String message = refusal();
            assertTrue(message.contains("\"parameters_file\" must name a file in the same directory, not \"" + name),
                    message);
        }
    }

    @Test
    void aMissingHashInAFormat3StateIsRefused() throws IOException {
        editLast("parameters_sha256", null);
        String message = refusal();
        assertTrue(message.contains("\"parameters_sha256\" is missing"), message);
    }

    @Test
    void impossibleCountersAreRefusedNamingTheField() throws IOException {
        Object[][] cases = {
            {"epoch", -5L, "\"epoch\" is -5, outside [0, 1000000]"},
            {"epoch", 99999999999L, "\"epoch\" is 99999999999, outside"},
            {"epoch", "3", "\"epoch\" is missing or not a number: \"3\""},
            {"epoch", 2.5, "\"epoch\" must be a whole number, not 2.5"},
            {"step", -3L, "\"step\" is -3, outside"},
            {"best_epoch", 3L, "\"best_epoch\" is 3, outside [0, 2]"},
            {"best_accuracy", 7.0, "\"best_accuracy\" is 7.0, not an accuracy"},
        };
        String original = Files.readString(dir.resolve("last.json"));
        for (Object[] c : cases) {
            Files.writeString(dir.resolve("last.json"), original);
            editLast((String) c[0], c[1]);
            String message = refusal();
            assertTrue(message.contains("last.json cannot be read: " + c[2]), message);
        }
    }

    /**
     * Issue 21: the recorded plan ({@code config}, which a resume continues) and the history rows
     * are checked field by field too; before, {@code "epochs": -5} or a learning rate of NaN in
     * {@code config}, an accuracy of 7 or a history of epochs 1, 5 were read as they were.
     */
    @Test
    void thePlanAndTheHistoryAreCheckedFieldByField() throws IOException {
        Map<String, Object> row = new java.util.LinkedHashMap<>(new EpochStats(1, 0.7, 0.6, 0.65, 0.62, 1.5, 900).toJson());
        Object[][] cases = {
            {"config", Map.of("epochs", -5L), "\"config\": \"epochs\" is -5, not [1, 1000000]"},
            {"config", Map.of("epochs", 2.5), "\"config\": "},
            {"config", Map.of("batch_size", 0L), "\"config\": \"batch_size\" is 0"},
            {"config", Map.of("learning_rate", "NaN"), "\"config\": \"learning_rate\" is NaN"},
            {"config", Map.of("learning_rate", -0.1), "\"config\": \"learning_rate\" is -0.1"},
            {"config", Map.of("weight_decay", "Infinity"), "\"config\": \"weight_decay\" is Infinity"},
            {"config", Map.of("patience", -1L), "\"config\": \"patience\" is -1"},
            {"config", Map.of("limit_batches", -2L), "\"config\": \"limit_batches\" is -2"},
            {"config", Map.of("lr_schedule", " "), "\"config\": \"lr_schedule\""},
            {"config", "fast", "\"config\" is not a JSON object"},
            {"history", List.of(with(row, "train_accuracy", 7.0)), "\"history\": \"train_accuracy\" is 7.0"},
            {"history", List.of(with(row, "eval_loss", -1.0)), "\"history\": \"eval_loss\" is -1.0"},
            {"history", List.of(with(row, "seconds", "NaN")), "\"history\": \"seconds\" must be a finite number"},
            {"history", List.of(with(row, "epoch", 0L)), "\"history\": \"epoch\" is 0"},
            {"history", List.of(row, with(row, "epoch", 5L)), "\"history\" row 2 is epoch 5, not epoch 2"},
            {"history", List.of(row, with(row, "epoch", 2L), with(row, "epoch", 3L)), "\"history\" row 3 is epoch 3"},
        };
        String original = Files.readString(dir.resolve("last.json"));
        for (Object[] c : cases) {
            Files.writeString(dir.resolve("last.json"), original);
            editLast((String) c[0], c[1]);
            String message = refusal();
            assertTrue(message.contains("last.json cannot be read: " + c[2]), c[2] + " in " + message);
        }
    }

    private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(row);
        changed.put(key, value);
        return changed;
    }

    @Test
    void aStateFileThatIsNoSmallRegularFileIsNotRead() throws Exception {
        Path last = dir.resolve("last.json");
        Files.delete(last);
        Files.createSymbolicLink(last, Path.of("/dev/zero"));
        assertTrue(refusal().contains(last + " is not a regular file"), refusal());

        Files.delete(last);
        try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: costs no disk
        }
        assertTrue(refusal().contains(last + " is 3221225472 bytes, more than the 1048576 bytes"), refusal());

        Files.delete(last);
        Process mkfifo = new ProcessBuilder("mkfifo", last.toString()).start();
        if (mkfifo.waitFor() == 0) {
            // opening a FIFO blocks until a writer comes: it must be refused before it is opened
            String message = assertTimeoutPreemptively(Duration.ofSeconds(20), this::refusal);
            assertTrue(message.contains(last + " is not a regular file"), message);
        }
    }
}
