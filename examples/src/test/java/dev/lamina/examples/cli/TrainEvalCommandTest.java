package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.report.EvalTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lamina train} then {@code lamina eval} on the small real fixture. */
class TrainEvalCommandTest {
    private final StringWriter err = new StringWriter();

    /**
     * Runs the CLI as an embedder would, output captured through picocli's {@code setOut} (not
     * {@code System.out}), returning its exit code and leaving stdout in {@code stdout}.
     */
    private int run(StringWriter stdout, String... args) {
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void trainWritesCheckpointsAndEvalReadsThem(@TempDir Path out) {
        String fixture = Fixture.fashionMnistSmall().toString();
        StringWriter trainOut = new StringWriter();
        assertEquals(LaminaCli.OK, run(trainOut, "train", "Plain", "--epochs", "1",
                "--batch-size", "32", "--data", fixture, "--device", "cpu", "--out",
                out.toString()), err.toString());
        String printed = trainOut.toString();
        assertTrue(printed.contains("Total params: 218,490"), "summary first:\n" + printed);
        assertTrue(printed.contains("(540 training, 60 validation, 200 test images)"),
                "10% of the training set is held out by default:\n" + printed);
        assertTrue(printed.contains("batch 32, Adam lr 0.003 (cosine:0.05)"),
                "the default schedule is stated with the settings:\n" + printed);
        assertTrue(printed.contains("| validation loss"), "epochs are measured on validation:\n" + printed);
        assertTrue(printed.contains("Final test accuracy: 0."), printed);
        assertTrue(printed.contains("Best validation accuracy 0."), printed);
        assertTrue(Files.exists(out.resolve("history.csv")), "history next to the checkpoints");
        assertEquals(EvalTarget.VALIDATION, new CheckpointStore(out).loadState(CheckpointStore.BEST).evalTarget());

        StringWriter evalOut = new StringWriter();
        assertEquals(LaminaCli.OK, run(evalOut, "eval", "Plain", "--checkpoint", out.toString(),
                "--data", fixture, "--device", "cpu"), err.toString());
        assertTrue(evalOut.toString().contains("(best checkpoint in"), evalOut.toString());
        assertTrue(evalOut.toString().contains("accuracy 0."), evalOut.toString());
        assertTrue(evalOut.toString().contains("class        examples   recall  precision  most often mistaken for"),
                evalOut.toString());
        for (String name : java.util.List.of("T-shirt/top", "Trouser", "Ankle boot")) {
            assertTrue(evalOut.toString().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("  20  ")),
                    "a row for " + name + " with its 20 test images:\n" + evalOut);
        }

        assertEquals(LaminaCli.USAGE, run(new StringWriter(), "eval", "BatchNormConvs",
                "--checkpoint", out.toString(), "--data", fixture, "--device", "cpu"));
        assertTrue(err.toString().contains("lamina eval:"), err.toString());
    }

    @Test
    void withoutValidationOnlyTheLastCheckpointIsKeptAndEvalUsesIt(@TempDir Path out) {
        String fixture = Fixture.fashionMnistSmall().toString();
        StringWriter trainOut = new StringWriter();
        assertEquals(LaminaCli.OK, run(trainOut, "train", "Plain", "--epochs", "1", "--validation", "0",
                "--batch-size", "32", "--data", fixture, "--device", "cpu", "--out",
                out.toString()), err.toString());
        assertTrue(trainOut.toString().contains("no best epoch was chosen; only checkpoint 'last'"),
                trainOut.toString());
        assertTrue(trainOut.toString().contains("| test loss"), trainOut.toString());
        assertFalse(Files.exists(out.resolve("best.json")), "no best chosen on the test set");

        StringWriter evalOut = new StringWriter();
        assertEquals(LaminaCli.OK, run(evalOut, "eval", "Plain", "--checkpoint", out.toString(),
                "--data", fixture, "--device", "cpu"), err.toString());
        assertTrue(evalOut.toString().contains("evaluating 'last'"), evalOut.toString());
        assertTrue(evalOut.toString().contains("(last checkpoint in"), evalOut.toString());
    }

    @Test
    void aValidationFractionOutsideZeroToOneIsAUsageError() {
        assertEquals(LaminaCli.USAGE, run(new StringWriter(), "train", "Plain", "--validation", "1.5",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu"));
        assertTrue(err.toString().contains("--validation must be at least 0 and below 1"), err.toString());
    }
}
