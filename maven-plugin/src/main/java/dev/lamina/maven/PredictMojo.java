package dev.lamina.maven;

import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.model.InferenceEngine;
import dev.lamina.runtime.run.ImagePrediction;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.PrintStream;
import java.util.List;

/**
 * Classifies images with a saved model, as {@code lamina predict} does: loads a saved model
 * directory (written by {@code lamina:train} into {@code <out>/model}, or by {@code
 * lamina:export}), converts each PNG or JPEG as in training and prints the top-k classes with their
 * probabilities; a directory is searched for images (recursively, in name order). When every image
 * lies in a folder named after a class, the accuracy is printed too. An image that cannot be
 * predicted is logged and fails the build after the others were predicted. The saved model's Net
 * is loaded from the project's classes. Compiles the project first.
 */
@Mojo(name = "predict", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class PredictMojo extends LaminaMojo {

    /** A saved model directory. CLI: {@code MODEL_DIR}. */
    @Parameter(property = "lamina.modelDir", required = true)
    File modelDir;

    /**
     * Image files (PNG, JPEG) or directories of them; on the command line separated by commas
     * ({@code -Dlamina.images=a.png,more/}). CLI: {@code IMAGE|DIR...}.
     */
    @Parameter(property = "lamina.images", required = true)
    List<File> images;

    /** Classes printed per image. CLI: {@code --top-k}. */
    @Parameter(property = "lamina.topK", defaultValue = "3")
    int topK;

    /**
     * Also write every image's top-k classes and probabilities to this CSV file. CLI: {@code
     * --out} (named otherwise here so that a plugin-wide {@code <out>}, train's run directory, does
     * not reach it).
     */
    @Parameter(property = "lamina.csv")
    File csv;

    /** Replace the {@code csv} file when it exists. CLI: {@code --force}. */
    @Parameter(property = "lamina.force", defaultValue = "false")
    boolean force;

    /** Images per forward pass. CLI: {@code --batch-size}. */
    @Parameter(property = "lamina.batchSize", defaultValue = "64")
    int batchSize;

    /**
     * Images of another size than the model's input: {@code none} (refuse them), {@code stretch},
     * or {@code crop} (scale to cover, cut the centre). Default: the policy the model was trained
     * with. CLI: {@code --resize}.
     */
    @Parameter(property = "lamina.resize")
    String resize;

    /**
     * What computes the forward pass: {@code pytorch} (the engine the model was trained with) or
     * {@code onnxruntime} (ONNX Runtime on the model's ONNX graph, built in memory; the project
     * needs {@code ai.djl.onnxruntime:onnxruntime-engine}). CLI: {@code --engine}.
     */
    @Parameter(property = "lamina.engine", defaultValue = "pytorch")
    String engine;

    @Override
    void run(ProjectClasses classes, PrintStream stdout) throws Exception {
        ImageConversion.Resize given = resize == null ? null : ImageConversion.Resize.parse(resize);
        ImagePrediction.Outcome outcome = new ImagePrediction(modelDir.toPath(), images.stream().map(File::toPath)
                .toList(), topK, path(csv), force, batchSize, given, InferenceEngine.parse(engine)).run(stdout::println, getLog()::error);
        if (outcome.failures() != null) {
            throw new MojoFailureException(outcome.failures());
        }
    }
}
