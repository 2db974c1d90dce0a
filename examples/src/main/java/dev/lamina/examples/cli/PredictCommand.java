package dev.lamina.examples.cli;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.OutputTarget;
import dev.lamina.runtime.model.InferenceEngine;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "pytorch",
            description = "What computes the forward pass: pytorch (the engine the model was"
                    + " trained with) or onnxruntime (ONNX Runtime on the model's ONNX graph, built in"
                    + " memory; CPU only, several times faster on small models). Probabilities agree"
                    + " within 1e-5.")
    String engine;

    @Override
    public Integer call() throws IOException, TranslateException {
        PrintStream stdout = CliOutput.stdout(spec);
        if (topK < 1) {
            throw new InvalidInputException("--top-k must be at least 1, got " + topK);
        }
        if (batchSize < 1) {
            throw new InvalidInputException("--batch-size must be at least 1, got " + batchSize);
        }
        ImageConversion.Resize given = resize == null ? null : ImageConversion.Resize.parse(resize);
        InferenceEngine chosen = InferenceEngine.parse(engine);
        List<Path> images = collect(inputs);
        if (out != null) {
            OutputTarget.require(out, "--out", force, images, List.of(modelDir));
        }
        try (LaminaModel model = LaminaModel.load(modelDir);
             Predictor<Image, Classifications> predictor = model.predictor(chosen,
                     given == null ? model.info().resize() : given)) {
            SavedModelInfo info = model.info();
            ImageConversion.Resize policy = given == null ? info.resize() : given;
            List<String> classes = info.classes();
            int k = Math.min(topK, classes.size());
            stdout.printf(Locale.ROOT, "%s (%s): %d classes, input %s%s; %d image(s)%n", info.modelName(), modelDir,
                    classes.size(), new ai.djl.ndarray.types.Shape(info.inputShape()),
                    policy == ImageConversion.Resize.NONE ? "" : ", other sizes resized by "
                            + policy.name().toLowerCase(Locale.ROOT) + (given == null ? " as in training" : ""),
                    images.size());
            StringBuilder csv = new StringBuilder("file,label");
            for (int i = 1; i <= k; i++) {
                csv.append(",class_").append(i).append(",probability_").append(i);
            }
            csv.append('\n');
            int labelled = 0;
            int right = 0;
            List<Path> failed = new ArrayList<>();
            for (int from = 0; from < images.size(); from += batchSize) {
                List<Path> batch = new ArrayList<>();
                List<Image> decoded = new ArrayList<>();
                for (Path file : images.subList(from, Math.min(images.size(), from + batchSize))) {
                    try {
                        java.awt.image.BufferedImage image = ImageConversion.decode(file);
                        long[] chw = info.inputShape();
                        if (chw.length == 3) { // an image the model cannot take is reported, not batched
                            fits(image, file, chw, policy);
                        }
                        decoded.add(ImageFactory.getInstance().fromImage(image));
                        batch.add(file);
                    } catch (DatasetException e) {
                        // one bad image does not stop the others' predictions
                        spec.commandLine().getErr().println("lamina predict: " + e.getMessage());
                        failed.add(file);
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                List<Classifications> results = predictor.batchPredict(decoded);
                for (int i = 0; i < batch.size(); i++) {
                    Path file = batch.get(i);
                    List<Classifications.Classification> top = results.get(i).topK(k);
                    String label = labelOf(file, classes);
                    if (label != null) {
                        labelled++;
                        if (label.equals(top.get(0).getClassName())) {
                            right++;
                        }
                    }
                    StringBuilder line = new StringBuilder(file.toString()).append(':');
                    csv.append(csvField(file.toString())).append(',').append(label == null ? "" : csvField(label));
                    for (Classifications.Classification c : top) {
                        line.append(String.format(Locale.ROOT, " %s %.4f", c.getClassName(), c.getProbability()));
                        csv.append(',').append(csvField(c.getClassName()))
                                .append(String.format(Locale.ROOT, ",%.6f", c.getProbability()));
                    }
                    csv.append('\n');
                    stdout.println(line);
                }
            }
            if (labelled == images.size() - failed.size() && labelled > 1) {
                stdout.printf(Locale.ROOT, "accuracy %.4f (%d of %d images right; the label of each is the"
                        + " class its folder is named after)%n", (double) right / labelled, right, labelled);
            }
            if (out != null) {
                try {
                    AtomicFiles.writeString(out, csv.toString());
                } catch (IOException e) {
                    // "No space left on device" alone names no file (issue 21.23)
                    throw new IOException("cannot write " + out + ": " + e.getMessage()
                            + "; nothing was written there", e);
                }
                stdout.println("Predictions written to " + out);
            }
            if (!failed.isEmpty()) {
                spec.commandLine().getErr().println("lamina predict: " + failed.size() + " of " + images.size()
                        + " image(s) could not be predicted (each named above); the others were");
                return LaminaCli.USAGE;
            }
        }
        return LaminaCli.OK;
    }

    /** Refuses an image the model cannot take under {@code policy}, naming the file and the option. */
    private static void fits(java.awt.image.BufferedImage image, Path file, long[] chw, ImageConversion.Resize policy) {
        try {
            ImageConversion.toChw(image, (int) chw[0], (int) chw[1], (int) chw[2], policy);
        } catch (DatasetException e) {
            throw new DatasetException(e.problem(), file, e.getMessage());
        }
    }

    /**
     * The class named by the image's folder ('/' written as '_'), optionally after its index, also
     * zero-padded as {@code lamina images} writes it ({@code 07-horse}), or null.
     */
    static String labelOf(Path file, List<String> classes) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || parent.getFileName() == null) {
            return null;
        }
        String folder = slug(parent.getFileName().toString());
        java.util.regex.Matcher indexed = INDEXED.matcher(folder);
        int index = indexed.matches() && indexed.group(1).length() < 10 ? Integer.parseInt(indexed.group(1)) : -1;
        for (int i = 0; i < classes.size(); i++) {
            String name = slug(classes.get(i));
            if (folder.equals(name) || (index == i && indexed.group(2).equals(name))) {
                return classes.get(i);
            }
        }
        return null;
    }

    /** A folder name that starts with a class index: {@code 7-sneaker}, {@code 07-horse}. */
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(\\d+)-(.+)");

    /** Lower case, every run of other characters than letters and digits one '-'. */
    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private static List<Path> collect(List<Path> inputs) throws IOException {
        List<Path> images = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(Files::isRegularFile).filter(PredictCommand::isImageName)
                            .sorted().toList();
                    if (found.isEmpty()) {
                        throw new InvalidInputException("no PNG or JPEG files (*.png, *.jpg, *.jpeg) in " + input);
                    }
                    images.addAll(found);
                }
            } else if (Files.isRegularFile(input)) {
                images.add(input);
            } else {
                throw new InvalidInputException("no such image file or directory: " + input);
            }
        }
        return images;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
