package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.LayerSpec;
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
 * depthwise separable convolution ({@link LayerSequence#isSeparablePair}).
 */
@LintRule(severity = Severity.WARNING,
        summary = "Two weighted layers with no nonlinearity between them collapse into one.",
        help = "Two @Conv/@DepthwiseConv/@Dense layers with only linear operations between them (batch norm,"
                + " dropout, flatten and average pooling are linear at inference) compose into"
                + " a single linear layer: the second adds parameters but no expressive power"
                + " (Goodfellow, Bengio & Courville 2016, Deep Learning, chapter 6). Fix: add an"
                + " activation, e.g. @ReLU, after the first (after its @BatchNorm, if any)."
                + " Suppress it for an intended linear bottleneck (Sandler et al. 2018,"
                + " MobileNetV2). A @DepthwiseConv next to a 1x1 @Conv is not reported: the pair"
                + " is a depthwise separable convolution, which Xception (Chollet 2017) trains"
                + " with no activation between its halves.")
public final class MissingActivation extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        List<Finding> findings = new ArrayList<>();
        for (int first = 0; first < layers.size(); first++) {
            int second = layers.nextWeighted(first);
            // a @Residual block is no such end or start: its output adds the skip path, so the weighted
            // layers around it do not compose into one (plain sub-models are inlined: their own layers count)
            if (layers.spec(first).isWeighted() && second >= 0 && layers.spec(second).isWeighted()
                    && allLinearBetween(layers, first, second) && !layers.isSeparablePair(first, second)) {
                findings.add(finding(layers, first, message(layers, first, second)));
            }
        }
        return findings;
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
        boolean batchNorm = first + 1 < second && layers.spec(first + 1) instanceof BatchNormSpec;
        String example = "@" + spec.kind() + "(...)" + (batchNorm ? " @BatchNorm" : "") + " @ReLU";
        return new Message("layer " + layers.describeWeighted(first, false) + " is followed by "
                + layers.describeWeighted(second, true) + " " + what + " and no activation: two linear"
                + " layers compose into one linear layer, so " + layers.describe(second) + " adds parameters"
                + " but no expressive power (Goodfellow et al. 2016, Deep Learning, ch. 6).", "add an"
                + " activation after '" + spec.field() + "'" + layers.declaredWhere(first) + ", e.g. " + example + ".");
    }
}
