package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.List;

/**
 * A dropout (either kind) on hidden units with rate &gt; 0.5. Dropout on the input, before any
 * weighted layer, is {@link InputDropoutHigh}'s (stricter) business.
 */
@LintRule(severity = Severity.WARNING,
        summary = "Dropout rate above 0.5 on hidden units.",
        help = "A dropout with rate > 0.5 drops more units than it keeps. Srivastava et al. (2014,"
                + " JMLR, 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting')"
                + " found a rate of 0.5 close to optimal for hidden units; higher rates slow"
                + " training and underfit (seed article 001). Fix: use rate = 0.5 or lower.")
public final class DropoutRateHigh extends Rule {

    /** Srivastava et al. (2014) use 0.5 for hidden units. */
    static final double MAX_RATE = 0.5;

    @Override
    public List<Finding> check(LayerSequence layers) {
        return findWithResidualHeads(layers, i -> !layers.actsOnInput(i), DropoutFix.rateAbove(MAX_RATE),
                layer -> DropoutFix.rateMessage(layers, layer.spec(), text(layer), layer.where(), MAX_RATE));
    }

    private static String text(Subject layer) {
        DropoutSpec dropout = (DropoutSpec) layer.spec();
        return "layer " + layer.words() + " has rate " + LintText.decimal(dropout.rate())
                + " on " + LayerSequence.shapeWords(layer.in()) + ": it drops more units than it"
                + " keeps. Srivastava et al. (2014) found 0.5 close to optimal for hidden units;"
                + " higher rates slow training and underfit.";
    }
}
