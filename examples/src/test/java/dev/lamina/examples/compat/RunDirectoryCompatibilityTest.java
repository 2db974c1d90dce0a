package dev.lamina.examples.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.checkpoint.RecordedSettings;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Run directories and saved models written by main 764f090 ({@code src/test/resources/compat/},
 * see its README) are read by today's code: typed settings come back as integers although the old
 * {@code lamina-model.json} wrote them as doubles, and eval, export and resume work on them.
 */
class RunDirectoryCompatibilityTest {
    static final Path OLD = Path.of("src/test/resources/compat/main-764f090");

    @TempDir
    Path tmp;

    /** A copy of an old run, so nothing a command writes touches the committed files. */
    private Path copy(String run) throws IOException {
        Path to = tmp.resolve(run);
        try (Stream<Path> files = Files.walk(OLD.resolve(run))) {
            for (Path from : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(OLD.resolve(run).relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(from, target);
                }
            }
        }
        return to;
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void theOldSavedModelsDoublesAreReadAsTheIntegersTheyWere() throws IOException {
        Path model = OLD.resolve("run/model");
        String old = Files.readString(model.resolve("lamina-model.json"));
        assertTrue(old.contains("\"seed\": 42.0") && old.contains("\"epochs\": 2.0"), "the old file has doubles");
        try (LaminaModel loaded = LaminaModel.load(model)) {
            RecordedSettings settings = loaded.info().settings();
            assertEquals(42L, settings.seed());
            assertEquals(2, settings.epochs());
            assertEquals(32, settings.batchSize());
            assertEquals(3, settings.limitBatches());
            assertEquals(0.003, settings.learningRate());
            assertEquals("cosine:0.05", settings.schedule());
            assertEquals(0, settings.augmentation().padding());
            assertNull(settings.normalization());
            assertEquals(1L, loaded.info().training().get("epoch"), "an integer, not 1.0");
        }
    }

    @Test
    void theOldCheckpointsAreReadTyped() {
        RunDirectory run = RunDirectory.of(OLD.resolve("run"));
        RecordedSettings last = run.checkpoints().loadState(CheckpointTag.LAST).settings();
        assertEquals(2, last.epochs());
        assertEquals(3, last.limitBatches());
        assertEquals("cpu", last.device());
        assertEquals(CheckpointTag.BEST, run.chosenTag());
        assertEquals(CompatTinyNet.class.getName(), run.recordedNetClass().orElseThrow());
    }

    @Test
    void anOldRunIsEvaluatedExportedAndResumed() throws IOException {
        Path run = copy("run");
        String data = Fixture.fashionMnistSmall().toString();
        Run eval = cli("eval", "--checkpoint", run.toString(), "--data", data, "--device", "cpu");
        assertEquals(LaminaCli.OK, eval.code(), eval.out() + eval.err());
        assertTrue(eval.out().contains("CompatTiny (best checkpoint in"), eval.out());

        Path onnx = tmp.resolve("tiny.onnx");
        Run export = cli("export", run.toString(), "--format", "onnx", "--to", onnx.toString());
        assertEquals(LaminaCli.OK, export.code(), export.out() + export.err());
        assertTrue(Files.size(onnx) > 0);
        Path saved = tmp.resolve("saved");
        Run exportDjl = cli("export", run.toString(), "--to", saved.toString());
        assertEquals(LaminaCli.OK, exportDjl.code(), exportDjl.out() + exportDjl.err());
        String json = Files.readString(saved.resolve("lamina-model.json"));
        assertTrue(json.contains("\"seed\": 42,") && !json.contains("\"seed\": 42.0"), "written typed now:\n" + json);

        Run resume = cli("train", "--resume", run.toString(), "--epochs", "3", "--batch-size", "32",
                "--limit-batches", "3", "--data", data, "--device", "cpu");
        assertEquals(LaminaCli.OK, resume.code(), resume.out() + resume.err());
        assertTrue(resume.out().contains("resuming from " + run + " after epoch 2 of 3"), resume.out());
        assertFalse(resume.out().matches("(?s).*note: \\w+ was [0-9]+\\.0 .*"), "no integer read as a double:\n"
                + resume.out());
        assertEquals(3, RunDirectory.of(run).checkpoints().loadState(CheckpointTag.LAST).epoch());
    }

    @Test
    void anOldImageFolderRunIsEvaluatedOnItsFolder() throws IOException {
        Path run = copy("folder-run");
        Path images = tmp.resolve("images");
        CompatFixtureWriter.writeImages(images);
        Run eval = cli("eval", "--checkpoint", run.toString(), "--data", images.toString(), "--device", "cpu");
        assertEquals(LaminaCli.OK, eval.code(), eval.out() + eval.err());
        assertTrue(eval.out().contains("read as the run " + run + " trained on it"), eval.out());
        assertTrue(eval.out().contains("40 images"), eval.out());
        List<String> refused = List.of("--test-fraction", "0.3");
        Run other = cli("eval", "--checkpoint", run.toString(), "--data", images.toString(), "--device", "cpu",
                refused.get(0), refused.get(1));
        assertEquals(LaminaCli.USAGE, other.code(), other.out() + other.err());
        assertTrue(other.err().contains("--test-fraction 0.3 differs from the 0.2 the run in " + run), other.err());
    }
}
