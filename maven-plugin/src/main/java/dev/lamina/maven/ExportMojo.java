package dev.lamina.maven;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.run.ModelExport;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.PrintStream;

/**
 * Writes a saved model directory or an ONNX file from a training run, as {@code lamina export}
 * does: {@code format} djl writes a saved model directory (DJL's parameter file and {@code
 * lamina-model.json}) for {@code lamina:predict} and {@code LaminaModel.load}; onnx writes an ONNX
 * file (opset 17, dynamic batch axis) of the inference graph. Compiles the project first.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class ExportMojo extends LaminaMojo {

    /** A run's checkpoint directory ({@code lamina:train}'s {@code out}), or a saved model directory. CLI: {@code RUN_DIR}. */
    @Parameter(property = "lamina.run", required = true)
    File run;

    /**
     * Where to write: the saved model directory (djl), or the .onnx file (onnx; an existing
     * directory gets {@code <Model>.onnx}). CLI: {@code --to}.
     */
    @Parameter(property = "lamina.to", required = true)
    File to;

    /** {@code djl} (a saved model directory) or {@code onnx}. CLI: {@code --format}. */
    @Parameter(property = "lamina.format", defaultValue = "djl")
    String format;

    /** Replace the .onnx file when it exists (onnx). CLI: {@code --force}. */
    @Parameter(property = "lamina.force", defaultValue = "false")
    boolean force;

    /**
     * Which checkpoint: {@code best} or {@code last}. Default: best when the run chose one on a
     * validation set, else last. CLI: {@code --tag}.
     */
    @Parameter(property = "lamina.tag")
    String tag;

    /** The model the run trained. Default: the one the run names in {@code <run>/model}. CLI: {@code --model}. */
    @Parameter(property = "lamina.model")
    String model;

    @Override
    void run(ProjectClasses classes, PrintStream out) throws Exception {
        new ModelExport(run.toPath(), to.toPath(), ModelExport.isOnnx(format),
                tag == null ? null : CheckpointTag.parse(tag), force)
                .run(dir -> classes.model(model, dir.recordedNetClass()), () -> {
                    // every run of this runtime records its classes; an older run on a built-in dataset does not
                    throw new InvalidInputException(run + " does not record its classes (a run of an older"
                            + " Lamina); export it with the lamina command: lamina export " + run + " --dataset NAME");
                })
                .forEach(out::println);
    }
}
