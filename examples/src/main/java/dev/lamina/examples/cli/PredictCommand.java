package dev.lamina.examples.cli;

import ai.djl.translate.TranslateException;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.run.ImagePrediction;
import dev.lamina.runtime.model.InferenceEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lamina predict MODEL_DIR IMAGE|DIR...}: top-k classes of images with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Classify images with a saved model.",
        description = "Loads a saved model directory (written by `lamina train` into <out>/model,"
                + " or by `lamina export`), converts each PNG or JPEG as in training (grey or RGB"
                + " from the model's input, pixel / 255, the saved normalization) and prints the"
                + " top-k classes with their probabilities. A directory is searched for images"
                + " (recursively, in name order) and run in batches. When every image lies in a"
                + " folder named after a class (any case, other characters than letters and digits"
                + " free, optionally after the class index: Sneaker, t-shirt_top, 0-t-shirt-top),"
                + " the accuracy is printed too.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A saved model directory.")
    Path modelDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE|DIR",
            description = "Image files (PNG, JPEG) or directories of them.")
    List<Path> inputs;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "3",
            description = "Classes printed per image.")
    int topK;

    @Option(names = "--out", paramLabel = "CSV",
            description = "Also write every image's top-k classes and probabilities to this CSV file.")
    Path out;

    @Option(names = "--force", description = "Replace the --out file when it exists.")
    boolean force;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Images per forward pass.")
    int batchSize;

    @Option(names = "--resize", paramLabel = "POLICY",
            description = "Images of another size than the model's input: none (refuse them),"
                    + " stretch, or crop (scale to cover, cut the centre). Default: the policy the model"
                    + " was trained with (\"resize\" in lamina-model.json; none for a model saved before"
                    + " it was recorded).")
    String resize;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Predict as a Spark job (local[N], spark://HOST:PORT, yarn, k8s://..., or"
                    + " 'submit'): the inputs may also be manifests (.txt, one image path or URI a line),"
                    + " --out is then a directory (or Hadoop URI) that gets parquet/ and csv/, one row per"
                    + " image; a bad image is a row with its reason (docs/scale-out.md).")
    String spark;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "pytorch",
            description = "What computes the forward pass: pytorch (the engine the model was"
                    + " trained with) or onnxruntime (ONNX Runtime on the model's ONNX graph, built in"
                    + " memory; CPU only, about twice as fast on small models). Probabilities agree"
                    + " within 1e-5.")
    String engine;

    @Override
    public Integer call() throws IOException, TranslateException {
        PrintStream stdout = CliOutput.stdout(spec);
        if (spark != null) {
            return DistributedPredict.find(spark).run(new DistributedPredict.Request(spark, modelDir.toString(),
                    inputs.stream().map(Path::toString).toList(), out == null ? null : out.toString(), topK,
                    batchSize, resize), stdout);
        }
        ImageConversion.Resize given = resize == null ? null : ImageConversion.Resize.parse(resize);
        ImagePrediction.Outcome outcome = new ImagePrediction(modelDir, inputs, topK, out, force, batchSize, given,
                InferenceEngine.parse(engine))
                .run(stdout::println, problem -> spec.commandLine().getErr().println("lamina predict: " + problem));
        if (outcome.failures() != null) {
            spec.commandLine().getErr().println("lamina predict: " + outcome.failures());
            return LaminaCli.USAGE;
        }
        return LaminaCli.OK;
    }

    /** The class an image's folder names ({@link ImagePrediction#labelOf}). */
    static String labelOf(Path file, List<String> classes) {
        return ImagePrediction.labelOf(file, classes);
    }
}
