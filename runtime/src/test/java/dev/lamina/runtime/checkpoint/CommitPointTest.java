package dev.lamina.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.train.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code best} and {@code last} never disagree after a crash (issue 15, failure 5): a save of
 * {@code last} then {@code best} killed in between left {@code last.json} naming best epoch N while
 * {@code best.json} held an older epoch. Here a save is stopped after each file it writes in turn,
 * and the directory must hold either the previous epoch's pair or the new one, and nothing else
 * once the next start has cleaned up.
 */
class CommitPointTest {

    @TempDir
    Path root;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Thrown where the process would have died. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    private Block block(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Block block = Fixtures.smallCnn(2);
        block.initialize(manager, DataType.FLOAT32, Fixtures.INPUT);
        return block;
    }

    private static TrainingState state(Block block, int epoch, int bestEpoch) {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= epoch; e++) {
            history.add(new EpochStats(e, 1.0 / e, 0.5, 1.0 / e, e == bestEpoch ? 0.9 : 0.5, 1, 100));
        }
        return new TrainingState(epoch, epoch * 10L, bestEpoch, 0.9, 7, new RecordedSettings(null, null, null, null, null, null, "cpu", null, null, null, null), dev.lamina.runtime.report.EvalTarget.VALIDATION,
                ModelSignature.of(block), DataIdentity.UNKNOWN, history);
    }

    private float[] predict(Block block) {
        NDArray x = manager.ones(new Shape(2, 1, 8, 8));
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void aSaveStoppedAfterAnyFileLeavesLastAndBestAgreeing() throws IOException {
        for (boolean newBest : new boolean[] {true, false}) {
            int writes = countWrites(newBest);
            for (int stopAfter = 0; stopAfter <= writes; stopAfter++) {
                Path dir = root.resolve("best" + newBest + "-stop" + stopAfter);
                Block epoch1 = block(1);
                new CheckpointStore(dir).saveEpoch(epoch1, state(epoch1, 1, 1), null, true);
                Block epoch2 = block(2);
                AtomicInteger written = new AtomicInteger();
                int limit = stopAfter;
                CheckpointStore dying = new CheckpointStore(dir, Block::saveParameters, Files::readString, name -> {
                    if (written.incrementAndGet() > limit) {
                        throw new Crash();
                    }
                });
                if (stopAfter < writes) {
                    assertThrows(Crash.class, () -> dying.saveEpoch(epoch2, state(epoch2, 2, newBest ? 2 : 1), null,
                            newBest));
                } else {
                    dying.saveEpoch(epoch2, state(epoch2, 2, newBest ? 2 : 1), null, newBest);
                }

                CheckpointStore next = new CheckpointStore(dir);
                next.recover();
                TrainingState last = next.loadState(CheckpointStore.LAST);
                TrainingState best = next.loadState(CheckpointStore.BEST);
                String where = "new best " + newBest + ", stopped after " + stopAfter + " of " + writes + " files";
                assertEquals(last.bestEpoch(), best.epoch(), where);
                assertEquals(best.epoch() == 2 ? 2 : 1, best.epoch(), where);
                Block loaded = block(3);
                next.restore(CheckpointStore.BEST, loaded, manager);
                assertArrayEquals(predict(best.epoch() == 2 ? epoch2 : epoch1), predict(loaded), 1e-6f, where);
                // best.json, the copy people read, says the same after the next start
                assertEquals(best.epoch(), TrainingState.fromJson(dev.lamina.runtime.io.Json.asObject(
                        dev.lamina.runtime.io.Json.parse(Files.readString(dir.resolve("best.json"))), "best"))
                        .epoch(), where);
                assertEquals(List.of("best-step" + best.step() + ".json", "best-step" + best.step() + ".params",
                        "best.json", "last-step" + last.step() + ".params", "last.json"), files(dir), where);
            }
        }
    }

    /** How many files a successful save of epoch 2 writes. */
    private int countWrites(boolean newBest) throws IOException {
        Path dir = root.resolve("count" + newBest);
        Block epoch1 = block(1);
        new CheckpointStore(dir).saveEpoch(epoch1, state(epoch1, 1, 1), null, true);
        AtomicInteger written = new AtomicInteger();
        Block epoch2 = block(2);
        new CheckpointStore(dir, Block::saveParameters, Files::readString, name -> written.incrementAndGet())
                .saveEpoch(epoch2, state(epoch2, 2, newBest ? 2 : 1), null, newBest);
        return written.get();
    }

    @Test
    void leftoversOfInterruptedWritesAreRemovedOnTheNextStartAndNothingElse() throws IOException {
        Path dir = root.resolve("run");
        Block block = block(1);
        CheckpointStore store = new CheckpointStore(dir);
        store.saveEpoch(block, state(block, 1, 1), null, true);
        String leftover = ".last-step20.params." + UUID.randomUUID() + ".tmp";
        Files.writeString(dir.resolve(leftover), "half a file");
        Files.writeString(dir.resolve(".notes.tmp"), "the user's own file");
        Files.writeString(dir.resolve("last-step20.params"), "written, never committed");

        List<String> changed = store.recover();

        assertTrue(changed.contains(leftover), changed.toString());
        assertTrue(changed.contains("last-step20.params"), changed.toString());
        assertFalse(Files.exists(dir.resolve(leftover)));
        assertTrue(Files.exists(dir.resolve(".notes.tmp")), "not a file Lamina wrote");
        assertTrue(Files.exists(dir.resolve("last-step10.params")), "the committed checkpoint");
        assertEquals(List.of(), store.recover(), "a second start finds nothing to clean");
    }

    @Test
    void aDirectoryWrittenBeforeTheCommitPointStillLoadsItsBest() throws IOException {
        // a run saved by the older layout: best.json is its own commit point
        Path dir = root.resolve("old");
        Block block = block(1);
        CheckpointStore store = new CheckpointStore(dir);
        store.save(CheckpointStore.LAST, block, state(block, 2, 1));
        store.save(CheckpointStore.BEST, block, state(block, 1, 1));
        store.recover();
        assertEquals(1, store.loadState(CheckpointStore.BEST).epoch());
        assertTrue(store.exists(CheckpointStore.BEST));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
