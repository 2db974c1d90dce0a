package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.run.ModelExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
        boolean onnx = ModelExport.isOnnx(format);
        if (tag != null && !tag.equals(CheckpointStore.BEST.id()) && !tag.equals(CheckpointStore.LAST.id())) {
            throw new InvalidInputException("--tag must be best or last, got '" + tag + "'");
        }
        new ModelExport(runDir, to, onnx, tag == null ? null : CheckpointTag.parse(tag), force)
                .run(run -> (model != null ? ModelCatalog.resolve(model)
                        : ModelCatalog.recordedIn(run, "pass --model MODEL")).net(), data::dataset)
                .forEach(stdout::println);
        return LaminaCli.OK;
    }
}
