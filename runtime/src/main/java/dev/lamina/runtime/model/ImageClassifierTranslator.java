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
import java.util.List;

/**
 * Image in, class probabilities out, as the model was trained: {@link ImageConversion} turns the
 * image into {@code (C, H, W)} floats in [0, 1] (grey or RGB from C), the training normalization is
 * applied, and the model's output goes through a softmax into DJL's {@link Classifications}.
 * Batches are stacked ({@code Predictor.batchPredict} runs them in one forward pass).
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
        float[] chw = ImageConversion.toChw(input, channels, height, width, resize);
        if (normalization != null) {
            normalization.applyInPlace(chw, 1, height * width);
        }
        return new NDList(ctx.getNDManager().create(chw, new Shape(channels, height, width)));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().softmax(0);
        return new Classifications(classes, probabilities);
    }
}
