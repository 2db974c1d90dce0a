package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.compat.CompatTiny;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21.12: {@code lamina train --resume} continues the recorded plan and the recorded model. */
class ResumeCommandTest {
    static final String MODEL = CompatTiny.class.getName();

    private static CliRun train(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("train", MODEL, "--batch-size", "32", "--limit-batches", "2",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", out.toString()),
                Stream.of(more)).toArray(String[]::new);
        return CliRun.of(args);
    }

    @Test
    void aResumeKeepsTheRecordedEpochsAndSettingsUnlessGivenOthers(@TempDir Path tmp) {
        Path run = tmp.resolve("run");
        CliRun first = train(run, "--epochs", "1", "--lr", "0.01", "--lr-schedule", "constant");
        assertEquals(LaminaCli.OK, first.code(), first.both());

        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--data", Fixture.fashionMnistSmall().toString(),
                "--device", "cpu", "--limit-batches", "2");
        assertEquals(LaminaCli.OK, resumed.code(), resumed.both());
        assertTrue(resumed.out().contains("resuming from " + run + " after epoch 1 of 1"),
                "the recorded plan (1 epoch), not the default 3:\n" + resumed.out());
        assertTrue(resumed.out().contains("Adam lr 0.01 (constant)"), resumed.out());
        assertFalse(resumed.out().contains("note: learning_rate") || resumed.out().contains("note: lr_schedule"),
                "nothing differs from the checkpoint:\n" + resumed.out());
        assertEquals(1, RunDirectory.of(run).checkpoints().loadState(CheckpointTag.LAST).epoch());

        CliRun longer = CliRun.of("train", "--resume", run.toString(), "--epochs", "2", "--data",
                Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--limit-batches", "2");
        assertEquals(LaminaCli.OK, longer.code(), longer.both());
        assertEquals(2, RunDirectory.of(run).checkpoints().loadState(CheckpointTag.LAST).epoch(), "--epochs given wins");
    }

    @Test
    void aRunThatDidNotSaveItsModelIsResumedWithTheModelItRecorded(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun first = train(run, "--epochs", "1");
        assertEquals(LaminaCli.OK, first.code(), first.both());
        // as if the process had died before saving the chosen model
        try (Stream<Path> files = Files.walk(run.resolve("model"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "2", "--data",
                Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--limit-batches", "2");
        assertEquals(LaminaCli.OK, resumed.code(), resumed.both());
        assertTrue(resumed.out().startsWith("Model: \"CompatTiny\""), resumed.out());
        assertTrue(Files.isRegularFile(run.resolve("model/lamina-model.json")));
    }
}
