package dev.lamina.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.checkpoint.RecordedSettings;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.LaminaModelException;
import dev.lamina.runtime.model.TinyNet;
import dev.lamina.runtime.train.Fixtures;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory owns a run's files and use cases: training from Java writes what {@code
 * lamina train} writes (checkpoints, history, the chosen model), the chosen model is exported from
 * memory (examples' RunExportFromMemoryTest: the exporter needs a processor-generated Net's
 * descriptor, which this module's hand-written stand-ins do not have), and a second writer is refused.
 */
class RunDirectoryTest {
    static final List<String> CLASSES = List.of("left", "right");

    @TempDir
    Path tmp;

    private static RunData data() {
        return RunData.of("left-right", CLASSES, new DataSplits(Fixtures.leftRight("train", 96, 1),
                Fixtures.leftRight("test", 32, 2)));
    }

    private static TrainingConfig.Builder config() {
        return Fixtures.quick().epochs(2);
    }

    /**
     * docs/inference.md said to save "any initialized block, e.g. after Trainer.fit": that failed
     * with "Native resource has been released already" and left an empty directory. Now it is
     * refused with what to do instead, and nothing is written.
     */
    @Test
    void savingTheBlockAfterFitIsRefusedWithWhatToDoAndWritesNothing() {
        Block block = TinyNet.newBlock();
        new Trainer(config().build()).fit(block, TinyNet.inputShape(), data().splits().train(), data().splits().test());
        Path dir = tmp.resolve("shipped");
        LaminaModelException e = assertThrows(LaminaModelException.class,
                () -> LaminaModel.save(dir, TinyNet.class, block, CLASSES, null, Map.of()));
        assertTrue(e.getMessage().contains("Trainer.fit closes its model") && e.getMessage().contains("RunDirectory.train"),
                e.getMessage());
        assertFalse(Files.exists(dir), "no empty directory left behind");
    }

    @Test
    void trainingFromJavaWritesTheRunDirectoryOfTheCliAndSavesTheChosenModel() throws Exception {
        RunDirectory run = RunDirectory.forNewRun(tmp.resolve("run"), null);
        TrainedRun trained = run.train(TinyNet.NET, data(), config().build());

        for (String name : List.of("last.json", "best.json", "history.csv", "history.json", "model")) {
            assertTrue(Files.exists(run.path().resolve(name)), name + " in the run directory");
        }
        assertEquals(CheckpointTag.BEST, trained.chosen(), "a validation set was held out (10%), so best is chosen");
        assertEquals(run.modelDir(), trained.modelDir());
        try (LaminaModel model = LaminaModel.load(trained.modelDir(), TinyNet.class)) {
            assertEquals(List.of("left", "right", "unused-output-2"), model.info().classes());
            RecordedSettings settings = model.info().settings();
            assertEquals(7L, settings.seed());
            assertEquals(2, settings.epochs());
        }
        String json = Files.readString(trained.modelDir().resolve("lamina-model.json"));
        assertTrue(json.contains("\"seed\": 7,") && json.contains("\"epochs\": 2,") && !json.contains("\"seed\": 7.0")
                        && !json.contains("\"epochs\": 2.0"),
                "integers stay integers:\n" + json);
        assertEquals(TinyNet.class.getName(), run.recordedNetClass().orElseThrow());

        InvalidInputException again = assertThrows(InvalidInputException.class,
                () -> RunDirectory.forNewRun(run.path(), null));
        assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolder() {
        RunDirectory run = RunDirectory.of(tmp.resolve("run"));
        try (RunLock held = run.lock("lamina train")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> run.lock("lamina export"));
            assertTrue(e.getMessage().contains("is being written by another run (process "
                    + ProcessHandle.current().pid() + " (lamina train) since"), e.getMessage());
            InvalidInputException training = assertThrows(InvalidInputException.class,
                    () -> run.train(TinyNet.NET, data(), config().build()));
            assertTrue(training.getMessage().contains("(lamina train)"), training.getMessage());
        }
        try (RunLock again = run.lock("lamina train")) {
            assertTrue(Files.isRegularFile(run.path().resolve(RunLock.FILE)), "released when closed");
        }
    }

    /** Issue 21.11: last.json names a best checkpoint whose state file is gone. */
    @Test
    void aMissingBestStateFileIsReportedNotReplacedByLast() throws Exception {
        RunDirectory run = RunDirectory.forNewRun(tmp.resolve("run"), null);
        run.train(TinyNet.NET, data(), config().build());
        Path bestState = run.checkpoints().namedBestState().orElseThrow();
        Files.delete(bestState);
        CheckpointException e = assertThrows(CheckpointException.class, run::chosenTag);
        assertTrue(e.getMessage().contains(bestState + " (named by " + run.path().resolve("last.json") + ") is missing")
                && e.getMessage().contains("--tag last"), e.getMessage());
    }

    /**
     * Two commands given the same new directory both pass the check before either holds the lock;
     * the one that trains second finds the first one's run and is refused, not written over it.
     */
    @Test
    void aSecondNewRunCheckedBeforeTheFirstTrainedIsRefusedOnceItHoldsTheLock() throws Exception {
        Path dir = tmp.resolve("same");
        RunDirectory first = RunDirectory.forNewRun(dir, null);
        RunDirectory second = RunDirectory.forNewRun(dir, null);
        first.train(TinyNet.NET, data(), config().build());
        byte[] last = Files.readAllBytes(dir.resolve("last.json"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> second.train(TinyNet.NET, data(), config().build()));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
        assertTrue(java.util.Arrays.equals(last, Files.readAllBytes(dir.resolve("last.json"))), "the first run is intact");
    }

    /**
     * A run trained from Java is titled with its Net's name (it was "model, run ..."), and a run
     * cut short with limitBatches says how many images it used (it gave the whole set's size).
     */
    @Test
    void aJavaRunsChartNamesItsModelAndTheImagesALimitedRunUsed() throws Exception {
        RunDirectory run = RunDirectory.forNewRun(tmp.resolve("limited"), null);
        run.train(TinyNet.NET, data(), config().limitBatches(1).build());
        String svg = Files.readString(run.path().resolve("history.svg"));
        assertTrue(svg.contains("Tiny, run limited"), "title");
        assertTrue(svg.contains("32 of 86 images (first 1 batch)"), "subtitle: " + svg.replaceAll("(?s).*(training: [^<]*).*", "$1"));
    }
}
