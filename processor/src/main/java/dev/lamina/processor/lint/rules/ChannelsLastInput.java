package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ModelSpec;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Model(input = {H, W, C})}: an image input written channels-last (Keras, TensorFlow),
 * recognised as a last size of 1 to 4 (gray, gray + alpha, RGB, RGBA) after two sizes of at least 8.
 * Checked on the declaration, so it is reported also when the shapes that follow are impossible,
 * and those shape errors are then explained by it ({@link #explain}).
 */
@LintRule(severity = Severity.WARNING,
        summary = "@Model(input = {H, W, C}) looks channels-last; Lamina's images are {C, H, W}.",
        help = "Lamina, DJL and PyTorch take images channels-first, (C, H, W); Keras and TensorFlow"
                + " default to channels-last, (H, W, C). An input such as {28, 28, 1} is read as"
                + " 28 channels of 28 x 1 images: every convolution and pooling then runs over"
                + " the wrong axes, and a window that does not fit the width of 1 fails with a"
                + " shape error that blames the layer. Fix: write the channels first, e.g."
                + " input = {1, 28, 28}.")
public final class ChannelsLastInput extends Rule {

    /** Largest channel count of an image (RGBA). */
    static final int MAX_CHANNELS = 4;
    /** Smallest height and width that make an (H, W, C) reading plausible. */
    static final int MIN_SIDE = 8;

    @Override
    public List<Finding> check(LayerSequence layers) {
        return List.of(); // checkDeclaration reports it, also when shapes fail
    }

    @Override
    public List<Finding> checkDeclaration(ModelSpec model) {
        return channelsFirst(model.input())
                .map(fixed -> {
                    Finding found = finding(Origin.ofModel("input"), message(model, fixed));
                    return List.of(found.withText(found.text(),
                            found.fix().replacing(Origin.ofModel("input"), ModelSpec.inputLiteral(fixed))));
                })
                .orElse(List.of());
    }

    /** The channels-first input for a channels-last looking one, or empty. */
    static Optional<List<Integer>> channelsFirst(List<Integer> input) {
        if (input.size() != 3) {
            return Optional.empty();
        }
        int h = input.get(0);
        int w = input.get(1);
        int c = input.get(2);
        return c >= 1 && c <= MAX_CHANNELS && h >= MIN_SIDE && w >= MIN_SIDE
                ? Optional.of(List.of(c, h, w)) : Optional.empty();
    }

    private static Message message(ModelSpec model, List<Integer> fixed) {
        List<Integer> input = model.input();
        return new Message("model '" + model.simpleName() + "' (@Model): input = " + ModelSpec.inputLiteral(input)
                + " looks channels-last (H, W, C). Lamina, DJL and PyTorch read images channels-first"
                + " (C, H, W), so this is " + input.get(0) + " channels of " + input.get(1) + " x "
                + input.get(2) + " images: convolutions and pooling run over the wrong axes, and data"
                + " of shape " + ModelSpec.inputLiteral(fixed) + " does not fit.", "input = "
                + ModelSpec.inputLiteral(fixed) + ".");
    }

    /**
     * A shape error of a model whose input looks channels-last, with its likely cause before its
     * Fix: the error usually follows from the transposed input, not from the layer it names, so the
     * Fix starts with the input (and is carried out there) and keeps the layer's own advice for an
     * error that remains.
     */
    public static Finding explain(Finding shapeError, ModelSpec model) {
        return channelsFirst(model.input()).map(fixed -> {
            String input = ModelSpec.inputLiteral(fixed);
            String layerFix = shapeError.fix() == null ? "" : shapeError.fix().text();
            Fix fix = Fix.of("input = " + input + (layerFix.isEmpty() ? "." : "; if the error remains, "
                    + Character.toLowerCase(layerFix.charAt(0)) + layerFix.substring(1)))
                    .replacing(Origin.ofModel("input"), input);
            return shapeError.withText(shapeError.text() + " Likely cause: @Model(input = "
                    + ModelSpec.inputLiteral(model.input()) + ") is channels-last ("
                    + Finding.tag(idOf(ChannelsLastInput.class)) + "), so this layer sees the image the wrong"
                    + " way round.", fix);
        }).orElse(shapeError);
    }
}
