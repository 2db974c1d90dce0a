package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import java.util.List;

/**
 * {@code @BatchNorm} directly after the activation of a {@code @Conv}/{@code @Dense} layer instead
 * of between the weighted layer and its activation (after a sub-model there is no such choice).
 */
public final class BatchNormAfterActivation extends Rule {

    public BatchNormAfterActivation() {
        super("BatchNormAfterActivation", Severity.NOTE,
                "@BatchNorm after the activation rather than between the weighted layer and it.",
                "Ioffe & Szegedy (2015) put batch norm between the weighted layer and its"
                        + " nonlinearity (x = Wu, then BN(x), then the activation), so the activation"
                        + " receives normalized inputs. Seed article 000 reports that both orders train"
                        + " similarly, hence a note. Fix: @Conv @BatchNorm @ReLU (batch norm first).");
    }

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findAt(layers, i -> i > 0 && layers.spec(i) instanceof BatchNormSpec
                        && layers.spec(i - 1) instanceof ActivationSpec
                        && !layers.actsOnInput(i)
                        && layers.spec(layers.previousWeighted(i)).isWeighted(),
                i -> message(layers, i));
    }

    private static String message(LayerSequence layers, int i) {
        int weighted = layers.previousWeighted(i);
        return "layer " + layers.describe(i) + " normalizes the output of activation "
                + layers.describe(i - 1) + " of " + layers.describe(weighted) + " on "
                + LayerSequence.shapeWords(layers.in(i)) + ". Ioffe & Szegedy (2015) place batch norm"
                + " between the weighted layer and its activation, so the activation sees normalized"
                + " inputs; seed article 000 reports both orders train similarly. Fix: @"
                + layers.spec(weighted).kind() + "(..., bias = false) @BatchNorm @"
                + ((ActivationSpec) layers.spec(i - 1)).fn().displayName() + " (batch norm first).";
    }
}
