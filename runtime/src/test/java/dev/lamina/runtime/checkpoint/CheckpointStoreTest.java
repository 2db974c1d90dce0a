package dev.lamina.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.train.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Block initialized(SequentialBlock block, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        block.initialize(manager, DataType.FLOAT32, Fixtures.INPUT);
        return block;
    }

    private static TrainingState state(Block block, int epoch, long step) {
        return new TrainingState(epoch, step, epoch, 0.5 + epoch / 100.0, 7, new RecordedSettings(null, null, null, null, null, null, "cpu", null, null, null, null), EvalTarget.TEST,
                ModelSignature.of(block), DataIdentity.of(Fixtures.leftRight("train", 4, 1),
                        Fixtures.leftRight("test", 2, 2), "test", "none"), List.of(new EpochStats(1, 0.7, 0.6, 0.65, 0.62, 1.5, 900)));
    }

    private float[] predict(Block block) {
        NDArray x = manager.ones(new Shape(2, 1, 8, 8));
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void roundTripGivesTheSamePredictionsAndState() throws IOException {
        Block saved = initialized(Fixtures.smallCnn(2), 1);
        CheckpointStore store = new CheckpointStore(dir);
        store.save(CheckpointStore.LAST, saved, state(saved, 1, 8));

        Block fresh = initialized(Fixtures.smallCnn(2), 2);
        TrainingState loaded = store.restore(CheckpointStore.LAST, fresh, manager);

        assertArrayEquals(predict(saved), predict(fresh), 1e-6f);
        assertEquals(state(saved, 1, 8), loaded);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousCheckpointLoadable() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        float[] before = predict(block);
        new CheckpointStore(dir).save(CheckpointStore.LAST, block, state(block, 1, 8));
        CheckpointStore failing = new CheckpointStore(dir, (b, out) -> {
            out.write(new byte[100]);
            throw new IOException("disk full (simulated)");
        });

        IOException e = assertThrows(IOException.class,
                () -> failing.save(CheckpointStore.LAST, block, state(block, 2, 16)));

        assertEquals("disk full (simulated)", e.getMessage());
        Block fresh = initialized(Fixtures.smallCnn(2), 2);
        TrainingState loaded = new CheckpointStore(dir).restore(CheckpointStore.LAST, fresh, manager);
        assertEquals(1, loaded.epoch());
        assertArrayEquals(before, predict(fresh), 1e-6f);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("last-step8.params", "last.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void anEpochSaveThatFailsLikeAFullDiskTakesBackWhatItWroteAndKeepsTheCommittedCheckpoint() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        float[] before = predict(block);
        new CheckpointStore(dir).saveEpoch(block, state(block, 1, 8), null, true);
        List<String> committed = names(dir);
        // step 16's last parameter file is written whole, then the disk is full
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        CheckpointStore full = new CheckpointStore(dir, (b, out) -> {
            if (writes.incrementAndGet() > 1) {
                throw new IOException("No space left on device");
            }
            b.saveParameters(out);
        });
        Block next = initialized(Fixtures.smallCnn(2), 2);

        assertThrows(IOException.class, () -> full.saveEpoch(next, state(next, 2, 16), null, true));
        assertEquals(2, writes.get(), "the last checkpoint's parameters were written, then best's failed");
        assertEquals(committed, names(dir), "the step-16 file that was written is gone");

        Path fresh = dir.resolve("fresh");
        IOException e = assertThrows(IOException.class,
                () -> new CheckpointStore(fresh, (b, out) -> {
                    throw new IOException("No space left on device");
                }).saveEpoch(next, state(next, 1, 8), null, true));
        assertEquals("No space left on device", e.getMessage());
        assertEquals(List.of(), names(fresh), "a first save that fails leaves nothing");
        Block loaded = initialized(Fixtures.smallCnn(2), 3);
        assertEquals(1, new CheckpointStore(dir).restore(CheckpointStore.BEST, loaded, manager).epoch());
        assertArrayEquals(before, predict(loaded), 1e-6f);
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewSaveReplacesTheOldParameterFile() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        CheckpointStore store = new CheckpointStore(dir);
        store.save(CheckpointStore.LAST, block, state(block, 1, 8));
        store.save(CheckpointStore.BEST, block, state(block, 1, 8));
        store.save(CheckpointStore.LAST, block, state(block, 2, 16));

        assertFalse(Files.exists(dir.resolve("last-step8.params")));
        assertTrue(Files.exists(dir.resolve("last-step16.params")));
        assertTrue(Files.exists(dir.resolve("best-step8.params")));
        assertEquals(2, store.loadState(CheckpointStore.LAST).epoch());
        assertEquals(1, store.loadState(CheckpointStore.BEST).epoch());
    }

    @Test
    void aSaveBetweenReadingStateAndParametersNeverPairsOneSavesStateWithAnothersParameters()
            throws IOException {
        Block first = initialized(Fixtures.smallCnn(2), 1);
        Block second = initialized(Fixtures.smallCnn(2), 3);
        new CheckpointStore(dir).save(CheckpointStore.LAST, first, state(first, 1, 8));
        AtomicInteger reads = new AtomicInteger();
        CheckpointStore racing = new CheckpointStore(dir, Block::saveParameters, file -> {
            String text = Files.readString(file);
            if (reads.incrementAndGet() == 1) {
                // another save commits right after this reading (and deletes last-step8.params)
                new CheckpointStore(dir).save(CheckpointStore.LAST, second, state(second, 2, 16));
            }
            return text;
        });

        Block fresh = initialized(Fixtures.smallCnn(2), 2);
        TrainingState loaded = racing.restore(CheckpointStore.LAST, fresh, manager);

        assertEquals(2, loaded.epoch(), "the state of the save whose parameters were loaded");
        assertArrayEquals(predict(second), predict(fresh), 1e-6f);
    }

    @Test
    void aCheckpointOfAnotherModelIsRefusedNamingWhatDiffers() throws IOException {
        Block twoClasses = initialized(Fixtures.smallCnn(2), 1);
        new CheckpointStore(dir).save(CheckpointStore.LAST, twoClasses, state(twoClasses, 1, 8));
        Block threeClasses = initialized(Fixtures.smallCnn(3), 1);

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new CheckpointStore(dir).restore(CheckpointStore.LAST, threeClasses, manager));

        assertTrue(e.getMessage().contains("last.json was saved from a different model (2 parameter difference(s))"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'04Linear_weight' has shape (2, 144) in the checkpoint but (3, 144) in the model"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'04Linear_bias' has shape (2) in the checkpoint but (3) in the model"),
                e.getMessage());
    }

    @Test
    void signatureListsParametersMissingOnEitherSide() {
        ModelSignature checkpoint = new ModelSignature(Map.of("a_weight", "(2, 2)"));
        ModelSignature model = new ModelSignature(Map.of("b_weight", "(2, 2)"));

        assertEquals(List.of("'a_weight' (2, 2) is in the checkpoint but not in the model",
                "'b_weight' (2, 2) is in the model but not in the checkpoint"), checkpoint.differencesFrom(model));
    }

    @Test
    void aMissingCheckpointNamesTheFile() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new CheckpointStore(dir).loadState(CheckpointStore.LAST));

        assertTrue(e.getMessage().contains(dir.resolve("last.json") + " does not exist"), e.getMessage());
    }

    @Test
    void aCorruptStateFileNamesTheFileAndTheProblem() throws IOException {
        Files.writeString(dir.resolve("last.json"), "{\"format\": \"lamina-checkpoint-1\", ");

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new CheckpointStore(dir).loadState(CheckpointStore.LAST));

        assertTrue(e.getMessage().contains("last.json cannot be read: not valid JSON: End of input at line 1 column 35"), e.getMessage());
    }

    @Test
    void modelsCanBeSavedThroughAModelToo() {
        try (Model model = Model.newInstance("m")) {
            model.setBlock(Fixtures.smallCnn(2));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Fixtures.INPUT);
            assertEquals(4, ModelSignature.of(model.getBlock()).parameters().size());
        }
    }

    private OptimizerState adamLike(Block block, float fill) {
        Map<String, Integer> updates = new java.util.LinkedHashMap<>();
        Map<String, Map<String, NDArray>> arrays = new java.util.LinkedHashMap<>();
        for (var p : block.getParameters()) {
            Shape shape = p.getValue().getArray().getShape();
            updates.put(p.getKey(), 8);
            arrays.put(p.getKey(), Map.of("mean", manager.full(shape, fill), "variance", manager.full(shape, fill * fill)));
        }
        return new OptimizerState("adam", updates, arrays);
    }

    @Test
    void optimizerStateRoundTripsByParameterNameAndOldFilesAreRemoved() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        CheckpointStore store = new CheckpointStore(dir);
        store.save(CheckpointStore.LAST, block, state(block, 1, 8), adamLike(block, 0.5f));
        store.save(CheckpointStore.LAST, block, state(block, 2, 16), adamLike(block, 0.25f));

        CheckpointStore.Restored restored = store.restoreForTraining(CheckpointStore.LAST,
                initialized(Fixtures.smallCnn(2), 2), manager);

        assertEquals(16, restored.state().step());
        OptimizerState optimizer = restored.optimizer();
        assertEquals("adam", optimizer.optimizer());
        assertEquals(ModelSignature.of(block).parameters().keySet(), optimizer.arrays().keySet());
        assertEquals(8, optimizer.updates().get("04Linear_weight"));
        NDArray mean = optimizer.arrays().get("04Linear_weight").get("mean");
        assertEquals(new Shape(2, 144), mean.getShape());
        assertEquals(0.25f, mean.getFloat(0, 0));
        assertEquals(0.0625f, optimizer.arrays().get("04Linear_weight").get("variance").getFloat(1, 5));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("last-step16.optimizer", "last-step16.params", "last.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCheckpointWithoutOptimizerStateRestoresWithNone() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        new CheckpointStore(dir).save(CheckpointStore.LAST, block, state(block, 1, 8));

        CheckpointStore.Restored restored = new CheckpointStore(dir).restoreForTraining(CheckpointStore.LAST,
                initialized(Fixtures.smallCnn(2), 2), manager);

        assertEquals(1, restored.state().epoch());
        assertEquals(null, restored.optimizer());
    }

    @Test
    void aDamagedOptimizerFileIsACheckpointErrorNamingIt() throws IOException {
        Block block = initialized(Fixtures.smallCnn(2), 1);
        new CheckpointStore(dir).save(CheckpointStore.LAST, block, state(block, 1, 8), adamLike(block, 0.5f));
        Path file = dir.resolve("last-step8.optimizer");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CheckpointException e = assertThrows(CheckpointException.class, () -> new CheckpointStore(dir)
                .restoreForTraining(CheckpointStore.LAST, initialized(Fixtures.smallCnn(2), 2), manager));

        assertTrue(e.getMessage().contains("last.json: the optimizer state cannot be read"), e.getMessage());
    }
}
