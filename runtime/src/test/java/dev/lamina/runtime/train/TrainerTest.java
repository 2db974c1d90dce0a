package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.device.DeviceUnavailableException;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final LabeledImages TRAIN = Fixtures.leftRight("train", 256, 1);
    private static final LabeledImages TEST = Fixtures.leftRight("test", 64, 2);
    private static final LabeledImages VALIDATION = Fixtures.leftRight("val", 32, 3);

    @TempDir
    Path dir;

    @Test
    void shortRunLowersTheLossAndBeatsChance() {
        TrainingResult result = new Trainer(Fixtures.quick().epochs(3).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertEquals(List.of(1, 2, 3), result.history().stream().map(EpochStats::epoch).toList());
        assertTrue(result.lastEpoch().trainLoss() < result.history().get(0).trainLoss(), result.history().toString());
        assertTrue(result.testAccuracy() > 0.8, "test accuracy " + result.testAccuracy());
        assertEquals(EvalTarget.TEST, result.evalTarget());
        assertEquals("cpu()", result.devices());
        assertTrue(result.lastEpoch().imagesPerSecond() > 0);
    }

    @Test
    void validationSetIsEvaluatedEachEpochAndTestAtTheEnd() {
        TrainingResult result = new Trainer(Fixtures.quick().epochs(1).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, Fixtures.leftRight("val", 32, 3), TEST);

        assertEquals(EvalTarget.VALIDATION, result.evalTarget());
        assertEquals(1, result.bestEpoch());
        assertTrue(result.testAccuracy() >= 0 && result.testAccuracy() <= 1);
    }

    @Test
    void sameSeedGivesTheSameFirstEpochLossAndAnotherSeedDoesNot() {
        // with random crops on, so the seed must fix init, data order and augmentation
        double a = firstEpochLoss(11);
        double b = firstEpochLoss(11);
        double c = firstEpochLoss(12);

        assertEquals(a, b, 1e-4);
        assertNotEquals(Math.round(a * 1e4), Math.round(c * 1e4));
    }

    private static double firstEpochLoss(long seed) {
        return new Trainer(Fixtures.quick().epochs(1).seed(seed).augmentation(new Augmentation(1, false)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST).history().get(0).trainLoss();
    }

    @Test
    void checkpointsAndHistoryAreWrittenAndTheLastCheckpointEvaluatesLikeTheFinalModel() throws Exception {
        TrainingResult result = new Trainer(Fixtures.quick().outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, VALIDATION, TEST);

        for (String file : List.of("last.json", "best.json", "history.csv", "history.json", "history.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        CheckpointStore store = new CheckpointStore(dir);
        assertEquals(2, store.loadState(CheckpointStore.LAST).epoch());
        assertEquals(result.bestEpoch(), store.loadState(CheckpointStore.BEST).epoch());
        assertEquals(EvalTarget.VALIDATION, store.loadState(CheckpointStore.BEST).evalTarget());
        assertTrue(Files.readString(dir.resolve("history.csv")).startsWith("epoch,train_loss,train_accuracy,"
                + "validation_loss,validation_accuracy,"), "the history names the set it measured");
        assertEquals(result.history(), store.loadState(CheckpointStore.LAST).history());
        Evaluation reloaded = new Trainer(Fixtures.quick().build())
                .evaluate(Fixtures.smallCnn(2), Fixtures.INPUT, dir, CheckpointStore.LAST, TEST);
        assertEquals(result.testAccuracy(), reloaded.accuracy(), 1e-9);
        ConfusionMatrix confusion = reloaded.confusion();
        assertEquals(2, confusion.classes());
        assertEquals(TEST.size(), confusion.total());
        assertEquals(reloaded.accuracy(), (double) (confusion.count(0, 0) + confusion.count(1, 1)) / TEST.size(), 1e-12);
        for (int c = 0; c < 2; c++) {
            int label = c;
            assertEquals(java.util.Arrays.stream(TEST.labels()).filter(l -> l == label).count(), confusion.support(c));
        }
        assertEquals(result.testLoss(), reloaded.loss(), 1e-5);
    }

    @Test
    void withoutAValidationSetNoBestCheckpointIsChosenOnTheTestSet() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingResult result = new Trainer(Fixtures.quick().outputDir(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertEquals(EvalTarget.TEST, result.evalTarget());
        assertTrue(Files.isRegularFile(dir.resolve("last.json")));
        assertTrue(!Files.exists(dir.resolve("best.json")), "a best checkpoint picked by test accuracy");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("| test loss"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void resumedRunEndsWithTheSameEpochCountAsAnUninterruptedOne() throws Exception {
        new Trainer(Fixtures.quick().epochs(1).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        TrainingResult resumed = new Trainer(Fixtures.quick().epochs(3).resumeFrom(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertEquals(List.of(1, 2, 3), resumed.history().stream().map(EpochStats::epoch).toList());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("resuming from " + dir + " after epoch 1 of 3"));
        assertTrue(!log.toString(StandardCharsets.UTF_8).contains("note:"),
                "the same settings must not be reported as changed:\n" + log.toString(StandardCharsets.UTF_8));
        assertTrue(!log.toString(StandardCharsets.UTF_8).contains("epoch 1/3"), "epoch 1 must not run again");
        assertEquals(3, new CheckpointStore(dir).loadState(CheckpointStore.LAST).epoch());
        assertEquals(4, Files.readAllLines(dir.resolve("history.csv")).size());
    }

    @Test
    void theHistoryRecordsTheRateOfEachEpochsLastStep() {
        // 256 examples, batch 32: 8 steps an epoch, 24 in all; no warm-up, cosine from 0.01 to 0
        TrainingResult result = new Trainer(Fixtures.quick().epochs(3).schedule(LearningRateSchedule.cosine(0)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        LearningRateSchedule cosine = LearningRateSchedule.cosine(0);
        assertEquals(cosine.rate(0.01f, 7, 24), result.history().get(0).learningRate(), 1e-9);
        assertEquals(cosine.rate(0.01f, 15, 24), result.history().get(1).learningRate(), 1e-9);
        assertEquals(0, result.history().get(2).learningRate(), 1e-9);
        assertTrue(result.history().get(0).learningRate() > result.history().get(1).learningRate());
    }

    @Test
    void theScheduleIsSavedWithTheCheckpointAndResumingWithAnotherOneSaysSo() throws Exception {
        new Trainer(Fixtures.quick().epochs(1).schedule(LearningRateSchedule.cosine(0.1)).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        assertEquals("cosine:0.1", new CheckpointStore(dir).loadState(CheckpointStore.LAST).settings().schedule());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        new Trainer(Fixtures.quick().epochs(2).resumeFrom(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertTrue(log.toString(StandardCharsets.UTF_8)
                .contains("note: lr_schedule was cosine:0.1 in the checkpoint and is constant now"),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void extendingAScheduledRunSaysTheCurveChanges() {
        new Trainer(Fixtures.quick().epochs(1).schedule(LearningRateSchedule.cosine(0)).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        new Trainer(Fixtures.quick().epochs(2).schedule(LearningRateSchedule.cosine(0)).resumeFrom(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertTrue(log.toString(StandardCharsets.UTF_8).contains("note: the checkpoint's run was planned for 1 epoch"
                + " and this one for 2 epochs; the cosine schedule now spans 2 epochs, so"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFormatOneCheckpointStillResumesWithItsStringSettingsMigratedToTypedValues() throws Exception {
        Augmentation crop = new Augmentation(2, false);
        new Trainer(Fixtures.quick().epochs(1).augmentation(crop).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        Path stateFile = dir.resolve("last.json");
        String written = Files.readString(stateFile);
        assertTrue(written.contains("\"seed\": 7,"), "the seed is a JSON number:\n" + written);
        assertTrue(written.contains("\"augmentation\": {\n      \"padding\": 2,\n      \"flip\": false\n    }"),
                "the augmentation is an object:\n" + written);
        // the same checkpoint as format 1 wrote it: seed as a string, augmentation as the record's toString()
        Map<String, Object> old = Json.asObject(Json.parse(written), "state");
        old.put("format", "lamina-checkpoint-1");
        old.put("seed", "7");
        Map<String, Object> oldConfig = Json.asObject(old.get("config"), "config");
        oldConfig.put("seed", "7");
        oldConfig.put("augmentation", "Augmentation[padding=2, flip=false]");
        Files.writeString(stateFile, Json.write(old));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        TrainingResult resumed = new Trainer(Fixtures.quick().epochs(2).augmentation(crop).resumeFrom(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        String printed = log.toString(StandardCharsets.UTF_8);
        assertEquals(2, resumed.history().size(), printed);
        assertTrue(printed.contains("resuming from " + dir + " after epoch 1 of 2"), printed);
        assertFalse(printed.contains("note: seed") || printed.contains("note: augmentation"),
                "the migrated settings equal today's:\n" + printed);
        assertEquals(dev.lamina.runtime.checkpoint.TrainingState.FORMAT, Json.asObject(Json.parse(Files.readString(stateFile)), "state").get("format"));
        assertEquals(7, new CheckpointStore(dir).loadState(CheckpointStore.LAST).seed());
    }

    private static TrainingConfig.Builder threeCosineEpochs() {
        return Fixtures.quick().epochs(3).schedule(LearningRateSchedule.cosine(0.2));
    }

    @Test
    void aRunResumedAfterACrashEndsExactlyLikeAnUninterruptedOne(@TempDir Path whole) {
        TrainingResult uninterrupted = new Trainer(threeCosineEpochs().outputDir(whole).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        // the process dies while epoch 2 trains, after epoch 1's checkpoint and a step of epoch 2
        PrintStream dying = new PrintStream(new java.io.OutputStream() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void write(int b) {
                text.append((char) b);
                if (text.indexOf("epoch 2/3 batch 1/") >= 0) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        }, true, StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> new Trainer(threeCosineEpochs().outputDir(dir)
                .progress(dying).logEvery(1).build()).fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST));
        assertEquals(1, new CheckpointStore(dir).loadState(CheckpointStore.LAST).epoch());

        TrainingResult resumed = new Trainer(threeCosineEpochs().resumeFrom(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        // same parameters, learning rates and Adam moments at every step: the same numbers
        for (int epoch = 1; epoch < 3; epoch++) {
            assertEquals(uninterrupted.history().get(epoch).trainLoss(), resumed.history().get(epoch).trainLoss(), 1e-6,
                    "train loss of epoch " + (epoch + 1));
        }
        assertEquals(uninterrupted.testLoss(), resumed.testLoss(), 1e-6);
    }

    @Test
    void earlyStoppingEndsTheRunOncePatienceRunsOutAndKeepsTheBestEpoch() throws Exception {
        // one validation example: its accuracy is 0 or 1 and cannot rise twice, so with patience 1
        // the run must stop by epoch 3 of 10
        LabeledImages one = Fixtures.leftRight("val", 1, 5);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        TrainingResult result = new Trainer(Fixtures.quick().epochs(10).patience(1).outputDir(dir)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, one, TEST);

        int epochs = result.history().size();
        assertTrue(result.stoppedEarly());
        assertTrue(epochs >= 2 && epochs <= 3, "stopped after " + epochs + " epochs");
        assertEquals(epochs - 1, result.bestEpoch(), "patience 1: one epoch without a new best");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("early stop after epoch " + epochs
                + ": no better validation accuracy than"), log.toString(StandardCharsets.UTF_8));
        assertEquals(result.bestEpoch(), new CheckpointStore(dir).loadState(CheckpointStore.BEST).epoch());
    }

    @Test
    void earlyStoppingWithoutAValidationSetIsRefused() {
        dev.lamina.runtime.InvalidInputException e = assertThrows(dev.lamina.runtime.InvalidInputException.class,
                () -> new Trainer(Fixtures.quick().patience(2).build())
                        .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST));

        assertTrue(e.getMessage().contains("early stopping (patience 2) needs a validation set"), e.getMessage());
    }

    @Test
    void resumeOnOtherDataIsRefusedSayingWhatDiffers() {
        new Trainer(Fixtures.quick().epochs(1).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        Trainer resuming = new Trainer(Fixtures.quick().epochs(2).resumeFrom(dir).build());
        LabeledImages sameNameOtherContent = Fixtures.leftRight("train", 256, 99);

        CheckpointException other = assertThrows(CheckpointException.class, () -> resuming
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, sameNameOtherContent, TEST));
        CheckpointException validation = assertThrows(CheckpointException.class, () -> resuming
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, Fixtures.leftRight("val", 32, 3), TEST));

        assertTrue(other.getMessage().contains("cannot resume from " + dir), other.getMessage());
        assertTrue(other.getMessage().contains("the training set was 'train' (256 examples of 1x8x8, 2 classes,"),
                other.getMessage());
        assertTrue(validation.getMessage().contains("validation set ('val' (32 examples"), validation.getMessage());
        assertEquals(1, new CheckpointStore(dir).loadState(CheckpointStore.LAST).epoch(), "checkpoint untouched");
    }

    @Test
    void aResumedRunChecksDevicePlacementAfterItsOwnFirstStep() {
        new Trainer(Fixtures.quick().epochs(1).outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        AtomicInteger checks = new AtomicInteger();

        new Trainer(Fixtures.quick().epochs(2).resumeFrom(dir).build(), (block, device) -> checks.incrementAndGet())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        assertEquals(1, checks.get(), "the step counter comes from the checkpoint, the check must not");
    }

    @Test
    void nanLossStopsTrainingNamingEpochAndBatchAndKeepsTheLastGoodCheckpoint() {
        // epoch 1: 8 training + 2 evaluation batches of 32; the 12th is epoch 2, batch 2
        // (initialization runs the lambda on a batch of 1, which is not counted)
        AtomicInteger batches = new AtomicInteger();
        TrainingConfig config = Fixtures.quick().epochs(3).outputDir(dir).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> new Trainer(config)
                .fit(Fixtures.smallCnnThen(x -> x.head().getShape().get(0) == 32 && batches.incrementAndGet() >= 12
                        ? new NDList(x.singletonOrThrow().mul(Float.NaN)) : x), Fixtures.INPUT, TRAIN, TEST));

        assertEquals(2, e.epoch());
        assertEquals(2, e.batch());
        assertTrue(e.getMessage().contains("epoch 2, batch 2"), e.getMessage());
        assertTrue(e.getMessage().contains("last good checkpoint (epoch 1)"), e.getMessage());
        CheckpointStore store = new CheckpointStore(dir);
        assertEquals(1, store.loadState(CheckpointStore.LAST).epoch());
        // the kept parameters are finite: evaluating them gives a finite loss
        Evaluation kept = new Trainer(config).evaluate(Fixtures.smallCnn(2), Fixtures.INPUT, dir,
                CheckpointStore.LAST, TEST);
        assertTrue(Double.isFinite(kept.loss()), "loss of the kept checkpoint: " + kept.loss());
    }

    @Test
    void anEmptySetIsRefusedAsDataBeforeTrainingNotReportedAsDivergence() {
        LabeledImages empty = new LabeledImages("empty val", 1, 8, 8, 2, new float[0], new int[0]);
        Trainer trainer = new Trainer(Fixtures.quick().outputDir(dir).build());

        DatasetException e = assertThrows(DatasetException.class,
                () -> trainer.fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, empty, TEST));
        DatasetException noTraining = assertThrows(DatasetException.class,
                () -> trainer.fit(Fixtures.smallCnn(2), Fixtures.INPUT, empty, TEST));

        assertEquals(DatasetException.Problem.EMPTY, e.problem());
        assertTrue(e.getMessage().contains("validation set 'empty val' holds no examples"), e.getMessage());
        assertTrue(noTraining.getMessage().contains("training set"), noTraining.getMessage());
        assertTrue(!Files.exists(dir.resolve("last.json")), "nothing was trained or saved");
    }

    @Test
    void nonFiniteEvaluationLossIsNeverSavedAsACheckpoint() {
        // the 9th batch of 32 is the first evaluation batch of epoch 1
        AtomicInteger batches = new AtomicInteger();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                new Trainer(Fixtures.quick().outputDir(dir).build()).fit(Fixtures.smallCnnThen(
                        x -> x.head().getShape().get(0) == 32 && batches.incrementAndGet() >= 9
                                ? new NDList(x.singletonOrThrow().mul(Float.POSITIVE_INFINITY)) : x),
                        Fixtures.INPUT, TRAIN, TEST));

        assertTrue(e.getMessage().startsWith("training diverged: the test loss (measured after the last batch) is NaN at epoch 1, batch 8"),
                e.getMessage());
        assertTrue(e.getMessage().contains("holds no checkpoint"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("last.json")));
    }

    @Test
    void outOfMemoryIsReportedWithTheBatchSizeAndAHint() {
        DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class, () ->
                new Trainer(Fixtures.quick().build()).fit(Fixtures.smallCnnThen(x -> {
                    if (x.head().getShape().get(0) == 1) {
                        return x; // initialization
                    }
                    throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
                }), Fixtures.INPUT, TRAIN, TEST));

        assertTrue(e.getMessage().contains("batch size 32"), e.getMessage());
        assertTrue(e.getMessage().contains("--batch-size 16"), e.getMessage());
    }

    @Test
    void askingForAMissingGpuFailsBeforeTraining() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () ->
                new Trainer(Fixtures.quick().device(DeviceChoice.parse("gpu:0")).build())
                        .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST));

        assertTrue(e.getMessage().contains("gpu:0"), e.getMessage());
    }

    @Test
    void logOutputGetsOneLineEveryNBatchesAndAnEpochSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Trainer(Fixtures.quick().epochs(1).logEvery(3)
                .progress(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        String log = bytes.toString(StandardCharsets.UTF_8);
        List<String> batchLines = log.lines().filter(l -> l.startsWith("epoch 1/1 batch")).toList();
        assertEquals(3, batchLines.size(), log); // batches 3, 6 and the last (8)
        assertTrue(batchLines.get(0).startsWith("epoch 1/1 batch 3/8 loss "), log);
        assertTrue(batchLines.get(2).contains(" 8/8 "), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("epoch 1/1: train loss \\d\\.\\d{4} acc \\d\\.\\d{4} \\| test loss .* acc .*")), log);
        assertTrue(log.startsWith("device: cpu()"), log);
        assertTrue(!log.contains("\r"), "no carriage returns in a log");
    }
}
