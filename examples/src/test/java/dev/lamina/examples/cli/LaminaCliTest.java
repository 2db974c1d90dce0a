package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LaminaCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(LaminaCli.OK, run("--help"));
        for (String command : List.of("train", "eval", "summary", "experiment", "benchmark")) {
            assertTrue(out.toString().contains("  " + command + " "), command + " in\n" + out);
        }
    }

    @Test
    void experimentHelpShowsThePresets() {
        assertEquals(LaminaCli.OK, run("experiment", "--help"));
        assertTrue(out.toString().contains("--full"), out.toString());
        assertTrue(out.toString().contains("10000 training images"), out.toString());
        assertTrue(out.toString().contains("20000 training images"), out.toString());
    }

    @Test
    void unknownModelIsAUsageErrorThatListsTheModels() {
        assertEquals(LaminaCli.USAGE, run("summary", "NoSuchModel"));
        assertTrue(err.toString().contains("Unknown model 'NoSuchModel'"), err.toString());
        for (String model : ModelCatalog.available()) {
            assertTrue(err.toString().contains(model), model + " in\n" + err);
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(LaminaCli.USAGE, run("train", "--no-such-option"));
    }

    @Test
    void unknownDatasetIsAUsageErrorNamingTheValidOnes() {
        assertEquals(LaminaCli.USAGE, run("experiment", "--dataset", "imagenet"));
        assertTrue(err.toString()
                .contains("known datasets: fashion-mnist, mnist, cifar10, cifar100"),
                err.toString());
        // issue 21.24: experiment refuses --dataset folder, so its list does not offer it
        assertFalse(err.toString().contains("folder"), err.toString());
    }

    @Test
    void trainWithAnUnknownDatasetListsFolderToo() {
        // issue 21.24: the list left out folder, which train and eval read
        assertEquals(LaminaCli.USAGE, run("train", "--dataset", "imagenet"));
        assertTrue(err.toString().contains("known datasets: fashion-mnist, mnist, cifar10, cifar100, folder"),
                err.toString());
    }

    @Test
    void anUnknownResizePolicyIsRefusedBeforeTheDataLoads() {
        // issue 21.21: `--resize squash` on the default data started a full training run
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--resize", "squash", "--data", "/nonexistent/lamina"));
        assertTrue(err.toString().contains("unknown resize policy 'squash'; known policies: none, stretch, crop"),
                err.toString());
        assertFalse(err.toString().contains("/nonexistent/lamina"), "refused before the data is looked at: " + err);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void missingDataIsAUsageErrorNamingTheFile() {
        assertFalse(ModelCatalog.available().isEmpty(), "the processor generated no Nets for the example models");
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--data", "/nonexistent/lamina"));
        assertTrue(err.toString().contains("/nonexistent/lamina"), err.toString());
    }

    @Test
    void summaryPrintsTheLayerTable() {
        assertFalse(ModelCatalog.available().isEmpty(), "the processor generated no Nets for the example models");
        assertEquals(LaminaCli.OK, run("summary", "FashionCnn"));
        assertTrue(out.toString().contains("conv1"), out.toString());
        assertTrue(out.toString().contains("Total params"), out.toString());
    }

    @Test
    void onlyInvalidInputIsAUsageErrorNotEveryIllegalArgumentException() {
        IllegalArgumentException fromEngine = new IllegalArgumentException("Unsupported dtype");
        fromEngine.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("ai.djl.pytorch.jni.PyTorchLibrary", "torchAdd", null, -1)});

        assertEquals(LaminaCli.TRAINING_FAILED, LaminaCli.exitCode(fromEngine));
        assertEquals(LaminaCli.USAGE, LaminaCli.exitCode(new InvalidInputException("bad value")));
        assertEquals("the run failed inside the PyTorch engine (java.lang.IllegalArgumentException):"
                + " Unsupported dtype. This is not a problem with the command line; the stack trace is"
                + " in the log with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug.",
                LaminaCli.message(fromEngine));
        assertEquals("bad value", LaminaCli.message(new InvalidInputException("bad value")));
    }

    @Test
    void badOptionValuesAreUsageErrorsSayingWhatIsAccepted() {
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--device", "gpu:x"));
        assertTrue(err.toString().contains("is not one of: auto, cpu, gpu"), err.toString());
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--epochs", "0", "--device", "cpu",
                "--data", Fixture.fashionMnistSmall().toString()));
        assertTrue(err.toString().contains("lamina train: --epochs must be at least 1, got 0"), err.toString());
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--lr-schedule", "linear", "--device", "cpu",
                "--data", Fixture.fashionMnistSmall().toString()));
        assertTrue(err.toString().contains("unknown learning rate schedule 'linear'; use constant, cosine,"),
                err.toString());
        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--patience", "2", "--validation", "0", "--device", "cpu",
                "--data", Fixture.fashionMnistSmall().toString()));
        assertTrue(err.toString().contains("early stopping (patience 2) needs a validation set"), err.toString());
    }

    /** Without lamina-spark on the class path (as in these tests), --spark says how to add it, once. */
    @Test
    void sparkWithoutLaminaSparkIsAUsageErrorSayingHowToAddIt() {
        assertEquals(LaminaCli.USAGE, run("predict", "--spark", "local[1]", "no-model", "no-image.png"));
        String message = err.toString();
        assertTrue(message.contains("--spark local[1]: Spark is not on the class path"), message);
        assertTrue(message.contains("spark/target/lamina-spark/jars") && message.contains("docs/scale-out.md"), message);
        assertEquals(1, message.lines().filter(l -> l.contains("Spark is not on the class path")).count(), message);
    }
}
