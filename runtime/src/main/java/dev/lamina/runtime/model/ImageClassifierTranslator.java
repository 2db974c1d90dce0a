package dev.lamina.runtime.model;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.onnx.OnnxExporter;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Image in, class probabilities out, as the model was trained: {@link ImageConversion} turns the
 * image into {@code (C, H, W)} floats in [0, 1] (grey or RGB from C), the training normalization is
 * applied, and each image's output row (the block's logits) goes through a softmax into DJL's
 * {@link Classifications}.
 *
 * <p>The same translator serves every {@link InferenceEngine}: what the engine computes is the
 * logits, one row per image; everything before and after is plain Java here. A batch ({@code
 * Predictor.batchPredict}, and {@code predict}, a batch of one) is converted into one float array
 * and handed to the engine as one tensor; the output is read back as one float array and split
 * into rows in Java. So a call costs one tensor creation and one read whatever the batch, and no
 * engine operator but the forward pass itself (DJL's default batching made one tensor per image,
 * stacked them, split the output and ran a softmax and a type conversion per image, each a native
 * call: see docs/performance.md).
 */
final class ImageClassifierTranslator implements Translator<Image, Classifications> {
    private final int channels;
    private final int height;
    private final int width;
    private final Normalization normalization;
    private final List<String> classes;
    private final ImageConversion.Resize resize;

    ImageClassifierTranslator(long[] inputShape, Normalization normalization, List<String> classes,
                              ImageConversion.Resize resize) {
        this.channels = (int) inputShape[0];
        this.height = (int) inputShape[1];
        this.width = (int) inputShape[2];
        this.normalization = normalization;
        this.classes = classes;
        this.resize = resize;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        float[] chw = toInput(List.of(input));
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(chw), new Shape(channels, height, width)));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return classify(logits(list).toFloatArray(), 0);
    }

    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<Image> inputs) {
        float[] batch = toInput(inputs);
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(batch),
                new Shape(inputs.size(), channels, height, width)));
    }

    @Override
    public List<Classifications> batchProcessOutput(TranslatorContext ctx, NDList list) {
        float[] rows = logits(list).toFloatArray();
        int n = rows.length / classes.size();
        List<Classifications> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(classify(rows, i * classes.size()));
        }
        return out;
    }

    /** The images converted and normalized as in training, one after the other. */
    private float[] toInput(List<Image> images) {
        int size = channels * height * width;
        float[] batch = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            float[] chw = ImageConversion.toChw(images.get(i), channels, height, width, resize);
            System.arraycopy(chw, 0, batch, i * size, size);
        }
        if (normalization != null) {
            normalization.applyInPlace(batch, images.size(), height * width);
        }
        return batch;
    }

    /**
     * The block's output: the only one on PyTorch; on ONNX Runtime the graph's {@value
     * OnnxExporter#LOGITS} (the predictor's graph has no other output, and a graph with {@value
     * OnnxExporter#PROBABILITIES} too would not have them read: both engines' probabilities come
     * from the same softmax below).
     */
    private static NDArray logits(NDList list) {
        NDArray named = list.get(OnnxExporter.LOGITS);
        return named != null ? named : list.get(0);
    }

    /** One image's logits, {@code classes.size()} values from {@code offset}, as probabilities. */
    private Classifications classify(float[] logits, int offset) {
        int n = classes.size();
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double[] e = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            e[k] = Math.exp(logits[offset + k] - max);
            sum += e[k];
        }
        Double[] probabilities = new Double[n];
        for (int k = 0; k < n; k++) {
            probabilities[k] = e[k] / sum;
        }
        return new Classifications(classes, java.util.Arrays.asList(probabilities));
    }
}
