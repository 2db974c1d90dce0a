package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.io.OutputTarget;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lamina export RUN_DIR --to DIR}: a saved model directory or an ONNX file from a run. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Write a saved model directory or an ONNX file from a training run.",
        description = "RUN_DIR is the --out directory of `lamina train` (its checkpoints), or a saved"
                + " model directory. --format djl writes a saved model directory (DJL's parameter"
                + " file and lamina-model.json) for `lamina predict` and LaminaModel.load; --format"
                + " onnx writes an ONNX file (opset 17, dynamic batch axis) of the inference graph.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "A run's checkpoint directory (lamina train --out), or a saved model directory.")
    Path runDir;

    @Option(names = "--to", paramLabel = "PATH", required = true,
            description = "Where to write: the saved model directory (djl), or the .onnx file (onnx;"
                    + " an existing directory gets <Model>.onnx).")
    Path to;

    @Option(names = "--force", description = "Replace the .onnx file when it exists (onnx).")
    boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "djl",
            description = "djl (a saved model directory) or onnx.")
    String format;

    @Option(names = "--tag", paramLabel = "TAG",
            description = "Which checkpoint: best or last (default: best when the run chose one on a"
                    + " validation set, else last).")
    String tag;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The model the run trained (default: the one named in RUN_DIR/model, which"
                    + " `lamina train` writes).")
    String model;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = CliOutput.stdout(spec);
        boolean onnx = switch (format.toLowerCase(Locale.ROOT)) {
            case "djl" -> false;
            case "onnx" -> true;
            default -> throw new InvalidInputException("unknown --format '" + format + "'; use djl or onnx");
        };
        if (tag != null && !tag.equals(CheckpointStore.BEST.id()) && !tag.equals(CheckpointStore.LAST.id())) {
            throw new InvalidInputException("--tag must be best or last, got '" + tag + "'");
        }
        OutputTarget.requireOutside(to, "--to", List.of(runDir));
        if (!onnx && Files.exists(to) && !Files.isDirectory(to)) {
            throw new InvalidInputException("--to " + to + " is a file; --format djl writes a saved model directory:"
                    + " name a directory (new or empty), or use --format onnx");
        }
        if (Files.isRegularFile(runDir.resolve(SavedModelInfo.FILE))) {
            if (!onnx) {
                throw new InvalidInputException(runDir + " is a saved model directory already; copy it, or"
                        + " export it with --format onnx");
            }
            try (LaminaModel saved = LaminaModel.load(runDir)) {
                writeOnnx(saved, stdout);
            }
            return LaminaCli.OK;
        }
        if (!Files.isDirectory(runDir)) {
            throw new InvalidInputException(runDir + " is not a directory; pass the --out directory of"
                    + " `lamina train` or a saved model directory");
        }
        RunDirectory run = RunDirectory.of(runDir);
        GeneratedNet net = model != null ? ModelCatalog.resolve(model) : ModelCatalog.recordedIn(run, "pass --model MODEL");
        CheckpointTag chosen = tag != null ? CheckpointTag.parse(tag) : run.chosenTag();
        if (tag == null && chosen == CheckpointTag.LAST) {
            stdout.println("No validation-chosen 'best' checkpoint in " + runDir + ": exporting 'last'.");
        }
        if (!onnx) {
            SavedModelInfo info;
            try {
                info = run.saveModel(chosen, net.net(), data::dataset, to);
            } catch (IOException e) {
                throw new IOException("cannot write the saved model to " + to + ": " + e.getMessage()
                        + "; a saved model already there is left as it was", e);
            }
            stdout.printf(Locale.ROOT, "Saved model %s (checkpoint '%s' of %s, epoch %s): %s%n", info.modelName(),
                    chosen, runDir, info.training().get("epoch"), to);
            return LaminaCli.OK;
        }
        // the checkpoint's model in memory, straight to the exporter
        try (LaminaModel loaded = run.model(chosen, net.net(), data::dataset)) {
            writeOnnx(loaded, stdout);
        }
        return LaminaCli.OK;
    }

    private void writeOnnx(LaminaModel saved, PrintStream stdout) throws IOException {
        Path file = Files.isDirectory(to) ? to.resolve(saved.info().modelName() + ".onnx") : to;
        OutputTarget.require(file, "--to", force, List.of(), List.of(runDir));
        try {
            saved.exportOnnx(file);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage() + "; nothing was written there", e);
        }
        stdout.printf(Locale.ROOT, "ONNX model %s written to %s (%d bytes): input 'input' (batch, %s),"
                        + " outputs 'logits' and 'probabilities' (batch, %d)%n", saved.info().modelName(), file,
                Files.size(file), joined(saved.info().inputShape()), saved.info().classes().size());
    }

    private static String joined(long[] shape) {
        StringBuilder s = new StringBuilder();
        for (long d : shape) {
            s.append(s.length() == 0 ? "" : ", ").append(d);
        }
        return s.toString();
    }
}
