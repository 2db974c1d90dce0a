package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.tensor.TensorShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two {@code @Conv}/{@code @DepthwiseConv}/{@code @Dense} layers with only linear operations between them (batch norm,
 * dropout, flatten, average pooling): reported on the first, which lacks an activation.
 * A plain sub-model counts by its inside: it can be the first (its layers end in a weighted layer
 * and linear operations) or the second (its layers start that way). A {@code @Residual} block ends
 * the search: its output adds the skip path, so the layers around it do not compose into one.
 * A {@code @DepthwiseConv} and a 1x1 {@code @Conv} are not reported: they are the two halves of a
 * depthwise separable convolution ({@link LayerSequence#isSeparablePair}). Nor is a linear
 * bottleneck: a pair whose middle (the width the second layer receives) is narrower than both its
 * input and its output is a low-rank factorization, smaller than one layer and deliberately
 * linear (Sandler et al. 2018, MobileNetV2, section 3.2 and Fig. 6a).
 */
@LintRule(severity = Severity.WARNING,
        summary = "Two weighted layers with no nonlinearity between them collapse into one.",
        help = "Two @Conv/@DepthwiseConv/@Dense layers with only linear operations between them (batch norm,"
                + " dropout, flatten and average pooling are linear at inference) compose into"
                + " a single linear map (Goodfellow, Bengio & Courville 2016, Deep Learning, chapter 6):"
                + " when the width between them is no narrower than both ends, the pair is no more"
                + " expressive than one layer and has more weights. Fix: add an activation, e.g."
                + " @ReLU, after the first (after its @BatchNorm, if any). Not reported: a linear"
                + " bottleneck, whose middle is narrower than both ends (a low-rank factorization that"
                + " MobileNetV2 keeps linear on purpose, Sandler et al. 2018), and a @DepthwiseConv"
                + " next to a 1x1 @Conv, the two halves of a depthwise separable convolution, which"
                + " Xception (Chollet 2017) trains with no activation between them.")
public final class MissingActivation extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        List<Finding> findings = new ArrayList<>();
        for (int first = 0; first < layers.size(); first++) {
            int second = layers.nextWeighted(first);
            // a @Residual block is no such end or start: its output adds the skip path, so the weighted
            // layers around it do not compose into one (plain sub-models are inlined: their own layers count)
            if (layers.spec(first).isWeighted() && second >= 0 && layers.spec(second).isWeighted()
                    && allLinearBetween(layers, first, second) && !layers.isSeparablePair(first, second)
                    && !isLinearBottleneck(layers, first, second)) {
                findings.add(finding(layers, first, message(layers, first, second)));
            }
        }
        return findings;
    }

    /**
     * Whether the pair is a linear bottleneck: the width the second layer receives (channels of a
     * feature map, features of a vector) is narrower than both the width the first receives and the
     * width the second gives. Such a pair is a low-rank factorization of one layer, not a redundant
     * one: MobileNetV2's projection and the next block's expansion (Sandler et al. 2018).
     */
    private static boolean isLinearBottleneck(LayerSequence layers, int first, int second) {
        int middle = width(layers.in(second));
        return middle < width(layers.in(first)) && middle < width(layers.layer(second).out());
    }

    /** Channels of a feature map, features of a vector. */
    private static int width(TensorShape shape) {
        return shape.dim(0);
    }

    /** Dense or 1x1 conv: a layer that is one weight matrix applied per position. */
    private static boolean isMatrix(LayerSpec spec) {
        return spec instanceof DenseSpec || spec instanceof ConvSpec conv && conv.kernel() == 1;
    }

    /** Index of the last {@code @BatchNorm} between {@code first} and {@code second}, or -1. */
    static int lastBatchNormBetween(LayerSequence layers, int first, int second) {
        for (int i = second - 1; i > first; i--) {
            if (layers.spec(i) instanceof BatchNormSpec) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allLinearBetween(LayerSequence layers, int first, int second) {
        for (int i = first + 1; i < second; i++) {
            if (!LayerSequence.isLinear(layers.spec(i))) {
                return false;
            }
        }
        return true;
    }

    private static Message message(LayerSequence layers, int first, int second) {
        Set<String> between = new LinkedHashSet<>();
        for (int i = first + 1; i < second; i++) {
            between.add("@" + layers.spec(i).kind());
        }
        String what = between.isEmpty() ? "directly" : "with only " + String.join(", ", between) + " between";
        LayerSpec spec = layers.spec(first);
        String where = "'" + spec.field() + "'" + layers.declaredWhere(first) + ", e.g. @" + spec.kind() + "(...)"
                + (first + 1 < second && layers.spec(first + 1) instanceof BatchNormSpec ? " @BatchNorm" : "") + " @ReLU";
        int batchNorm = lastBatchNormBetween(layers, first, second);
        if (batchNorm > first + 1) {
            // a batch norm further on (after a dropout or a pool): the activation goes after it, or
            // BatchNormAfterActivation would report the batch norm after the new activation
            where = "batch norm " + layers.describe(batchNorm) + layers.declaredWhere(batchNorm) + ", e.g. @BatchNorm @ReLU";
        }
        int in = width(layers.in(first));
        int middle = width(layers.in(second));
        int out = width(layers.layer(second).out());
        String cost = "";
        if (isMatrix(spec) && isMatrix(layers.spec(second)) && layers.in(first).rank() == layers.in(second).rank()) {
            cost = ", with " + LintText.count((long) in * middle + (long) middle * out) + " weights where one layer has "
                    + LintText.count((long) in * out) + " (" + in + " x " + middle + " + " + middle + " x " + out
                    + " against " + in + " x " + out + ")";
        }
        return new Message("layer " + layers.describeWeighted(first, false) + " is followed by "
                + layers.describeWeighted(second, true) + " " + what + " and no activation: two linear"
                + " layers compose into one linear map (Goodfellow et al. 2016, Deep Learning, ch. 6). The "
                + middle + " channels or units between them are no narrower than both ends (" + in + " in, "
                + out + " out), so the pair is no more expressive than one layer" + cost + "; a linear"
                + " bottleneck would have a narrower middle.", "add an activation after " + where + ".");
    }
}
