package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.PoolSpec;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code @BatchNorm} after the activation of a {@code @Conv}/{@code @DepthwiseConv}/{@code @Dense} layer (directly, or with
 * only dropout and pooling between them) instead of between the weighted layer and its activation
 * (after a sub-model there is no such choice).
 */
@LintRule(severity = Severity.NOTE,
        summary = "@BatchNorm after the activation rather than between the weighted layer and it.",
        help = "Ioffe & Szegedy (2015) put batch norm between the weighted layer and its"
                + " nonlinearity (x = Wu, then BN(x), then the activation), so the activation"
                + " receives normalized inputs. Seed article 000 reports that both orders train"
                + " similarly, hence a note. Fix: @Conv @BatchNorm @ReLU (batch norm first).")
public final class BatchNormAfterActivation extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return layers.indices().filter(i -> layers.spec(i) instanceof BatchNormSpec && activationBefore(layers, i) >= 0)
                .mapToObj(i -> finding(layers, i, activationBefore(layers, i), message(layers, i)))
                .toList();
    }

    /**
     * Index of the activation that the batch norm at {@code i} normalizes, looking back over
     * dropout and pooling (which do not change which side of the activation it is on), when that
     * activation follows a {@code @Conv}/{@code @DepthwiseConv}/{@code @Dense}; else -1.
     */
    private static int activationBefore(LayerSequence layers, int i) {
        int j = i - 1;
        while (j >= 0 && isPassThrough(layers.spec(j))) {
            j--;
        }
        if (j < 0 || !(layers.spec(j) instanceof ActivationSpec)) {
            return -1;
        }
        int weighted = layers.previousWeighted(j);
        return weighted >= 0 && layers.spec(weighted).isWeighted() ? j : -1;
    }

    private static boolean isPassThrough(LayerSpec spec) {
        return spec instanceof DropoutSpec || spec instanceof PoolSpec;
    }

    private static Message message(LayerSequence layers, int i) {
        int activation = activationBefore(layers, i);
        int weighted = layers.previousWeighted(activation);
        String via = activation == i - 1 ? "" : " (through " + between(layers, activation, i) + ")";
        return new Message("layer " + layers.describe(i) + " normalizes the output of activation "
                + layers.describe(activation) + via + " of " + layers.describe(weighted) + " on "
                + LayerSequence.shapeWords(layers.in(i)) + ". Ioffe & Szegedy (2015) place batch norm"
                + " between the weighted layer and its activation, so the activation sees normalized"
                + " inputs; seed article 000 reports both orders train similarly.", "@"
                + layers.spec(weighted).kind() + "(..., bias = false) @BatchNorm @"
                + ((ActivationSpec) layers.spec(activation)).fn().displayName() + " (batch norm first"
                + (layers.sameDeclaration(i, weighted) ? "" : ", moved into "
                        + layers.entry(weighted).declaredIn().simpleName()) + ").");
    }

    private static String between(LayerSequence layers, int from, int to) {
        return IntStream.range(from + 1, to).mapToObj(layers::describe).collect(Collectors.joining(", "));
    }
}
