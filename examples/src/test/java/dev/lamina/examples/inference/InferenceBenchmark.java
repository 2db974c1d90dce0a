package dev.lamina.examples.inference;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.data.image.ImageFolderExport;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.onnx.OnnxExporter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inference speed on the CPU, in one process on the same images: the DJL predictor of a saved model
 * ({@link LaminaModel#predictor()}: conversion, normalization, PyTorch forward, softmax into
 * Classifications) against ONNX Runtime on the model's ONNX export (the same conversion and
 * normalization, {@code OrtSession.run}, reading the probabilities). Batch 1 ({@code predict}) and
 * batch 64 ({@code batchPredict}); calls alternate between the two after an untimed warm-up, and
 * images/s = batch / median call time. Not a test: see docs/performance.md for the command.
 *
 * <p>Arguments: {@code MODEL_DIR [CALLS_BATCH1 [CALLS_BATCH64]]}; the images are the first 1,024
 * Fashion-MNIST test images (default directory), as 8-bit images in memory.
 */
public final class InferenceBenchmark {

    private InferenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        int calls1 = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int calls64 = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        LabeledImages test = LabeledImages.copyOf(Datasets.load("fashion-mnist", null).test());
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            images.add(ImageFactory.getInstance().fromImage(ImageFolderExport.toImage(test, i)));
        }
        Path onnx = Files.createTempFile("lamina-benchmark", ".onnx");
        try (LaminaModel model = LaminaModel.load(modelDir);
             Predictor<Image, Classifications> predictor = model.predictor()) {
            model.exportOnnx(onnx);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
                Ort ort = new Ort(env, session, model.info().inputShape(), model.info().normalization());
                System.out.printf(Locale.ROOT, "%s from %s; %d CPU cores; DJL %s (PyTorch %s), ONNX Runtime %s%n",
                        model.info().modelName(), modelDir, Runtime.getRuntime().availableProcessors(),
                        ai.djl.engine.Engine.getDjlVersion(), ai.djl.engine.Engine.getInstance().getVersion(),
                        env.getVersion());
                System.out.println("| batch | DJL predictor images/s | ONNX Runtime images/s | ratio (ORT / DJL) |");
                System.out.println("|---:|---:|---:|---:|");
                for (int batch : new int[] {1, 64}) {
                    int calls = batch == 1 ? calls1 : calls64;
                    long[] djl = new long[calls];
                    long[] ortTimes = new long[calls];
                    int warmUp = Math.max(10, calls / 10);
                    for (int call = -warmUp; call < calls; call++) {
                        int from = Math.floorMod(call, images.size() / batch) * batch;
                        List<Image> chunk = images.subList(from, from + batch);
                        boolean djlFirst = (call & 1) == 0;
                        long a = djlFirst ? timeDjl(predictor, chunk) : ort.time(chunk);
                        long b = djlFirst ? ort.time(chunk) : timeDjl(predictor, chunk);
                        if (call >= 0) {
                            djl[call] = djlFirst ? a : b;
                            ortTimes[call] = djlFirst ? b : a;
                        }
                    }
                    double djlRate = batch / (median(djl) / 1e9);
                    double ortRate = batch / (median(ortTimes) / 1e9);
                    System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |%n", batch, djlRate, ortRate,
                            ortRate / djlRate);
                }
            }
        } finally {
            Files.deleteIfExists(onnx);
        }
    }

    private static long timeDjl(Predictor<Image, Classifications> predictor, List<Image> chunk) throws Exception {
        long start = System.nanoTime();
        if (chunk.size() == 1) {
            predictor.predict(chunk.get(0)).best();
        } else {
            for (Classifications c : predictor.batchPredict(chunk)) {
                c.best();
            }
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** ONNX Runtime with the predictor's conversion and normalization. */
    private record Ort(OrtEnvironment env, OrtSession session, long[] chw, Normalization normalization) {
        long time(List<Image> chunk) throws Exception {
            long start = System.nanoTime();
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
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch),
                    new long[] {chunk.size(), c, h, w});
                 OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input),
                         java.util.Set.of(OnnxExporter.PROBABILITIES))) {
                float[][] probabilities = (float[][]) result.get(0).getValue();
                for (float[] row : probabilities) {
                    int best = 0;
                    for (int k = 1; k < row.length; k++) {
                        best = row[k] > row[best] ? k : best;
                    }
                }
            }
            return System.nanoTime() - start;
        }
    }
}
