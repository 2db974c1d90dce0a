package dev.lamina.examples.benchmark;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.model.InferenceEngine;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.onnx.OnnxExporter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Inference speed of a saved model, in one process on the same images, for every way Lamina
 * predicts and the floors under them:
 *
 * <ul>
 *   <li>{@code onnxruntime}: {@link LaminaModel#predictor(InferenceEngine)} on ONNX Runtime;</li>
 *   <li>{@code raw onnxruntime}: an {@link OrtSession} made directly from the same ONNX graph with
 *       default options, fed with the same conversion and normalization, reading the {@value
 *       OnnxExporter#PROBABILITIES} and picking the best class: what a program that skips DJL and
 *       Lamina gets;</li>
 *   <li>{@code pytorch}: {@link LaminaModel#predictor()} (PyTorch);</li>
 *   <li>{@code pytorch before}: the PyTorch predictor as it was before issue 25 ({@link
 *       DefaultBatchingTranslator}: one tensor per image, DJL's stacking and splitting, the softmax
 *       and its type conversion run as engine operators per image), kept so that before and after
 *       are measured in the same run;</li>
 *   <li>{@code pytorch forward}: the floor of both PyTorch predictors: the converted batch made a
 *       tensor, the block's forward pass, the logits read back, with no predictor or
 *       translator;</li>
 *   <li>{@code pytorch tensors}: the same without the forward pass (the converted batch made a
 *       tensor and read back): what creating and reading tensors costs;</li>
 *   <li>{@code conversion}: the images converted and normalized into floats alone (every variant
 *       pays it).</li>
 * </ul>
 *
 * <p>At batch 1 ({@code predict}) and batch 64 ({@code batchPredict}), every call runs every
 * variant on the same images, in an order that changes on every call ({@link #order}), so drift and
 * other processes' load hit all alike; an untimed warm-up ({@link Settings#of}: a tenth of the calls, at least 10) comes first; images/s
 * = batch / median call time. The images are random 8-bit images of the model's input size (grey
 * or RGB from its channels), seeded: speed does not depend on the pixels.
 */
public final class InferenceBenchmark {

    /**
     * @param calls timed calls at batch 1
     * @param batchCalls timed calls at batch 64
     * @param warmUp untimed calls before each batch size's timed ones
     * @param seed the images' pixels
     */
    public record Settings(int calls, int batchCalls, int warmUp, long seed) {
        /** {@code calls} and {@code batchCalls} with a warm-up of a tenth of the calls, at least 10. */
        public static Settings of(int calls, int batchCalls, long seed) {
            return new Settings(calls, batchCalls, Math.max(10, calls / 10), seed);
        }
    }

    /**
     * One variant at one batch size.
     *
     * @param variant what was timed ({@code pytorch}, {@code raw onnxruntime}...)
     * @param batch images per call
     * @param medianSeconds median call time
     */
    public record Measurement(String variant, int batch, double medianSeconds) {
        public double imagesPerSecond() {
            return batch / medianSeconds;
        }
    }

    /** The variants' labels, in the order {@link #run} reports them. */
    public static final List<String> VARIANTS = List.of("onnxruntime", "raw onnxruntime", "pytorch",
            "pytorch before", "pytorch forward", "pytorch tensors", "conversion");

    private static final int[] BATCHES = {1, 64};

    private InferenceBenchmark() {}

    /** A call of one variant on a chunk of images. */
    private interface Variant {
        void call(List<Image> images) throws Exception;
    }

    /**
     * Measures every variant on {@code model}, printing a Markdown table to {@code out}.
     *
     * @return the measurements, batch by batch, variants in {@link #VARIANTS} order
     */
    public static List<Measurement> run(LaminaModel model, Settings settings, PrintStream out) throws Exception {
        long[] chw = model.info().inputShape();
        List<Image> images = randomImages(chw, 256, settings.seed());
        Path onnx = Files.createTempFile("lamina-benchmark", ".onnx");
        try (Predictor<Image, Classifications> ort = model.predictor(InferenceEngine.ONNXRUNTIME);
             Predictor<Image, Classifications> pytorch = model.predictor();
             Predictor<Image, Classifications> before = model.djlModel().newPredictor(
                     new DefaultBatchingTranslator(chw, model.info().normalization(), model.info().classes()))) {
            model.exportOnnx(onnx);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions())) {
                Converter converter = new Converter(chw, model.info().normalization());
                List<Variant> variants = List.of(
                        chunk -> best(ort.batchPredict(chunk)),
                        chunk -> raw(env, session, converter, chunk),
                        chunk -> best(pytorch.batchPredict(chunk)),
                        chunk -> best(before.batchPredict(chunk)),
                        chunk -> forward(model, converter, chunk, true),
                        chunk -> forward(model, converter, chunk, false),
                        converter::convert);
                out.printf(Locale.ROOT, "%s; %d CPU cores (%s); Java %s; DJL %s, PyTorch %s (threads: %s),"
                                + " ONNX Runtime %s (default session options); %d calls at batch 1, %d at batch 64%n",
                        model.info().modelName(), Runtime.getRuntime().availableProcessors(), cpuName(),
                        System.getProperty("java.version"), ai.djl.engine.Engine.getDjlVersion(),
                        ai.djl.engine.Engine.getEngine("PyTorch").getVersion(),
                        System.getProperty("ai.djl.pytorch.num_threads", "DJL's default"), env.getVersion(),
                        settings.calls(), settings.batchCalls());
                out.println("| batch | variant | images/s | median ms per call | / raw onnxruntime |");
                out.println("|---:|---|---:|---:|---:|");
                List<Measurement> all = new ArrayList<>();
                for (int batch : BATCHES) {
                    int calls = batch == 1 ? settings.calls() : settings.batchCalls();
                    List<Measurement> rows = measure(variants, images, batch, calls, settings.warmUp());
                    double raw = rows.get(1).imagesPerSecond();
                    for (Measurement m : rows) {
                        out.printf(Locale.ROOT, "| %d | %s | %.0f | %.3f | %.2f |%n", batch, m.variant(),
                                m.imagesPerSecond(), 1000 * m.medianSeconds(), m.imagesPerSecond() / raw);
                    }
                    all.addAll(rows);
                }
                return all;
            }
        } finally {
            Files.deleteIfExists(onnx);
        }
    }

    private static List<Measurement> measure(List<Variant> variants, List<Image> images, int batch, int calls,
                                             int warmUp) throws Exception {
        int n = variants.size();
        long[][] times = new long[n][calls];
        int chunks = images.size() / batch;
        for (int call = -warmUp; call < calls; call++) {
            int from = Math.floorMod(call, chunks) * batch;
            List<Image> chunk = images.subList(from, from + batch);
            for (int v : order(call)) {
                long start = System.nanoTime();
                variants.get(v).call(chunk);
                long elapsed = System.nanoTime() - start;
                if (call >= 0) {
                    times[v][call] = elapsed;
                }
            }
        }
        List<Measurement> rows = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            rows.add(new Measurement(VARIANTS.get(v), batch, median(times[v]) / 1e9));
        }
        return rows;
    }

    /**
     * The order of the variants in call {@code call}: the ONNX Runtime pair, the PyTorch four and
     * the conversion as groups, whose order rotates on every call, and within each group an order
     * that rotates every third call. Variants of one group run back to back, so the one that runs
     * first after another group (with that group's weights in the caches, and its threads maybe
     * still spinning) is each of them in turn.
     */
    static List<Integer> order(int call) {
        List<List<Integer>> groups = List.of(List.of(0, 1), List.of(2, 3, 4, 5), List.of(6));
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> group = groups.get(Math.floorMod(call + g, groups.size()));
            int shift = Math.floorDiv(call, groups.size());
            for (int j = 0; j < group.size(); j++) {
                order.add(group.get(Math.floorMod(shift + j, group.size())));
            }
        }
        return order;
    }

    private static void best(List<Classifications> results) {
        for (Classifications c : results) {
            c.best();
        }
    }

    private static void raw(OrtEnvironment env, OrtSession session, Converter converter, List<Image> chunk)
            throws OrtException {
        float[] batch = converter.convert(chunk);
        long[] shape = converter.shape(chunk.size());
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input),
                     Set.of(OnnxExporter.PROBABILITIES))) {
            for (float[] row : (float[][]) result.get(0).getValue()) {
                int best = 0;
                for (int k = 1; k < row.length; k++) {
                    best = row[k] > row[best] ? k : best;
                }
            }
        }
    }

    /** The converted batch as a tensor, through the block or not, read back. */
    private static void forward(LaminaModel model, Converter converter, List<Image> chunk, boolean forward) {
        float[] batch = converter.convert(chunk);
        try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            NDArray x = manager.create(FloatBuffer.wrap(batch), new Shape(converter.shape(chunk.size())));
            NDArray out = forward ? model.block().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow() : x;
            out.toFloatArray();
        }
    }

    /** The images converted and normalized as the predictors do. */
    private record Converter(long[] chw, Normalization normalization) {
        float[] convert(List<Image> chunk) {
            int c = (int) chw[0];
            int h = (int) chw[1];
            int w = (int) chw[2];
            int size = c * h * w;
            float[] batch = new float[chunk.size() * size];
            for (int i = 0; i < chunk.size(); i++) {
                float[] x = ImageConversion.toChw(chunk.get(i), c, h, w, ImageConversion.Resize.NONE);
                System.arraycopy(x, 0, batch, i * size, size);
            }
            if (normalization != null) {
                normalization.applyInPlace(batch, chunk.size(), h * w);
            }
            return batch;
        }

        long[] shape(int batch) {
            return new long[] {batch, chw[0], chw[1], chw[2]};
        }
    }

    /**
     * The PyTorch predictor's translator before issue 25, for the before-and-after comparison: DJL's
     * default batching (each image its own {@code (C, H, W)} tensor, stacked by the batchifier, the
     * output split per image) and, per image, a softmax and DJL's {@code Classifications} made from
     * the tensor (a conversion to float64 and a copy out), each an engine call.
     */
    static final class DefaultBatchingTranslator implements Translator<Image, Classifications> {
        private final Converter converter;
        private final List<String> classes;

        DefaultBatchingTranslator(long[] chw, Normalization normalization, List<String> classes) {
            this.converter = new Converter(chw, normalization);
            this.classes = classes;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Image input) {
            return new NDList(ctx.getNDManager().create(converter.convert(List.of(input)),
                    new Shape(Arrays.copyOfRange(converter.shape(1), 1, 4))));
        }

        @Override
        public Classifications processOutput(TranslatorContext ctx, NDList list) {
            return new Classifications(classes, list.singletonOrThrow().softmax(0));
        }
    }

    /** {@code count} seeded random 8-bit images of the model's size, grey for one channel, else RGB. */
    static List<Image> randomImages(long[] chw, int count, long seed) {
        Random random = new Random(seed);
        int h = (int) chw[1];
        int w = (int) chw[2];
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(w, h, chw[0] == 1 ? BufferedImage.TYPE_BYTE_GRAY
                    : BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            images.add(ImageFactory.getInstance().fromImage(image));
        }
        return images;
    }

    /** The CPU's model name from /proc/cpuinfo (Linux), else the JVM's os.arch. */
    static String cpuName() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
