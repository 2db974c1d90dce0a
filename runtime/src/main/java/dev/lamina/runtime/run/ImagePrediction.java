package dev.lamina.runtime.run;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.OutputTarget;
import dev.lamina.runtime.model.InferenceEngine;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.task.Prediction;
import dev.lamina.runtime.task.TaskSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The predict use case of the tools ({@code lamina predict}, {@code lamina:predict}): the top-k
 * classes of image files with a saved model, converted as in training (grey or RGB from the
 * model's input, pixel / 255, the saved normalization), in batches; directories are searched for
 * images (recursively, in name order). When every image lies in a folder named after a class, the
 * accuracy is reported too. One image that cannot be read or does not fit is reported and the
 * others are still predicted. Every value is checked before the model loads.
 *
 * @param modelDir a saved model directory
 * @param inputs image files (PNG, JPEG) or directories of them
 * @param topK classes reported per image
 * @param csv also write every image's top-k classes and probabilities to this CSV file, or null
 * @param force replace {@code csv} when it exists
 * @param batchSize images per forward pass
 * @param resize images of another size than the model's input: the policy, or null for the one
 *     the model was trained with
 * @param engine what computes the forward pass ({@link InferenceEngine}), or null for {@link
 *     InferenceEngine#PYTORCH}
 */
public record ImagePrediction(Path modelDir, List<Path> inputs, int topK, Path csv, boolean force, int batchSize,
                              ImageConversion.Resize resize, InferenceEngine engine) {

    /**
     * What a prediction run did.
     *
     * @param images the images found
     * @param failed those that could not be predicted (each reported)
     */
    public record Outcome(int images, int failed) {
        /** {@return the line that says how many failed, or null when none did} */
        public String failures() {
            return failed == 0 ? null : failed + " of " + images
                    + " image(s) could not be predicted (each named above); the others were";
        }
    }

    /**
     * Predicts.
     *
     * @param out receives the report, one line at a time (the model, each image's classes, the
     *     accuracy, where the CSV went)
     * @param problems receives one line per image that could not be predicted
     * @return how many images there were and how many failed
     * @throws InvalidInputException for a value out of range, no image found, a CSV target that
     *     is an input or exists without {@code force}
     * @throws IOException when the CSV cannot be written (nothing is left there)
     * @throws TranslateException when DJL fails to run the model
     */
    public Outcome run(Consumer<String> out, Consumer<String> problems) throws IOException, TranslateException {
        if (topK < 1) {
            throw new InvalidInputException("--top-k must be at least 1, got " + topK);
        }
        if (batchSize < 1) {
            throw new InvalidInputException("--batch-size must be at least 1, got " + batchSize);
        }
        List<Path> images = collect(inputs);
        if (csv != null) {
            OutputTarget.require(csv, "--out", force, images, List.of(modelDir));
        }
        try (LaminaModel model = LaminaModel.load(modelDir);
             Predictor<Image, Classifications> predictor = model.predictor(
                     engine == null ? InferenceEngine.PYTORCH : engine, resize == null ? model.info().resize() : resize);
             // binary, multi-label, regression: their predictor, made once for every batch
             Predictor<Image, Prediction> taskPredictor = model.info().task() instanceof TaskSpec.MultiClass ? null
                     : model.taskPredictor(resize == null ? model.info().resize() : resize)) {
            SavedModelInfo info = model.info();
            if (taskPredictor != null && engine == InferenceEngine.ONNXRUNTIME) {
                // never a silent fallback to the other engine
                throw new InvalidInputException("engine onnxruntime predicts multi-class models only; "
                        + info.modelName() + " is " + info.task().id() + ": predict it with engine pytorch,"
                        + " or export it (export --format onnx) and run the ONNX file");
            }
            ImageConversion.Resize policy = resize == null ? info.resize() : resize;
            List<String> classes = info.classes();
            int k = Math.min(topK, classes.size());
            out.accept(String.format(Locale.ROOT, "%s (%s): %d classes, input %s%s; %d image(s)", info.modelName(),
                    modelDir, classes.size(), new Shape(info.inputShape()),
                    policy == ImageConversion.Resize.NONE ? "" : ", other sizes resized by "
                            + policy.name().toLowerCase(Locale.ROOT) + (resize == null ? " as in training" : ""),
                    images.size()));
            // binary, multi-label, regression: their own lines and columns (TaskPredictions)
            TaskPredictions task = info.task() instanceof TaskSpec.MultiClass ? null : new TaskPredictions(info);
            StringBuilder table = new StringBuilder(task != null ? task.csvHeader() : "file,label");
            for (int i = 1; i <= k && task == null; i++) {
                table.append(",class_").append(i).append(",probability_").append(i);
            }
            table.append('\n');
            int labelled = 0;
            int right = 0;
            int failed = 0;
            for (int from = 0; from < images.size(); from += batchSize) {
                List<Path> batch = new ArrayList<>();
                List<Image> decoded = new ArrayList<>();
                for (Path file : images.subList(from, Math.min(images.size(), from + batchSize))) {
                    try {
                        BufferedImage image = ImageConversion.decode(file);
                        long[] chw = info.inputShape();
                        if (chw.length == 3) { // an image the model cannot take is reported, not batched
                            fits(image, file, chw, policy);
                        }
                        decoded.add(ImageFactory.getInstance().fromImage(image));
                        batch.add(file);
                    } catch (DatasetException e) {
                        // one bad image does not stop the others' predictions
                        problems.accept(e.getMessage());
                        failed++;
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                if (task != null) {
                    List<Prediction> predictions = taskPredictor.batchPredict(decoded);
                    for (int i = 0; i < batch.size(); i++) {
                        String label = labelOf(batch.get(i), classes);
                        out.accept(task.line(batch.get(i), predictions.get(i)));
                        table.append(task.csvRow(csvField(batch.get(i).toString()), predictions.get(i),
                                ImagePrediction::csvField));
                        if (label != null && predictions.get(i) instanceof Prediction.Binary binary) {
                            labelled++;
                            right += label.equals(binary.answer()) ? 1 : 0;
                        }
                    }
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
                    table.append(csvField(file.toString())).append(',').append(label == null ? "" : csvField(label));
                    for (Classifications.Classification c : top) {
                        line.append(String.format(Locale.ROOT, " %s %.4f", c.getClassName(), c.getProbability()));
                        table.append(',').append(csvField(c.getClassName()))
                                .append(String.format(Locale.ROOT, ",%.6f", c.getProbability()));
                    }
                    table.append('\n');
                    out.accept(line.toString());
                }
            }
            if (labelled == images.size() - failed && labelled > 1) {
                out.accept(String.format(Locale.ROOT, "accuracy %.4f (%d of %d images right; the label of each is the"
                        + " class its folder is named after)", (double) right / labelled, right, labelled));
            }
            if (csv != null) {
                try {
                    AtomicFiles.writeString(csv, table.toString());
                } catch (IOException e) {
                    // "No space left on device" alone names no file (issue 21.23)
                    throw new IOException("cannot write " + csv + ": " + e.getMessage()
                            + "; nothing was written there", e);
                }
                out.accept("Predictions written to " + csv);
            }
            return new Outcome(images.size(), failed);
        }
    }

    /** Refuses an image the model cannot take under {@code policy}, naming the file and the option. */
    private static void fits(BufferedImage image, Path file, long[] chw, ImageConversion.Resize policy) {
        try {
            ImageConversion.toChw(image, (int) chw[0], (int) chw[1], (int) chw[2], policy);
        } catch (DatasetException e) {
            throw new DatasetException(e.problem(), file, e.getMessage());
        }
    }

    /**
     * The class named by the image's folder ('/' written as '_'), optionally after its index, also
     * zero-padded as {@code lamina images} writes it ({@code 07-horse}), or null.
     *
     * @param file an image file
     * @param classes the model's class names, in label order
     * @return the class its folder names, or null
     */
    public static String labelOf(Path file, List<String> classes) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || parent.getFileName() == null) {
            return null;
        }
        String folder = slug(parent.getFileName().toString());
        Matcher indexed = INDEXED.matcher(folder);
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
    private static final Pattern INDEXED = Pattern.compile("(\\d+)-(.+)");

    /** Lower case, every run of other characters than letters and digits one '-'. */
    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private static List<Path> collect(List<Path> inputs) throws IOException {
        List<Path> images = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(Files::isRegularFile).filter(ImagePrediction::isImageName)
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
