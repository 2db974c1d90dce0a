package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.List;

/** A dropout on the model's input (no weighted layer before it) with rate &gt; 0.2. */
@LintRule(severity = Severity.WARNING,
        summary = "Dropout on the model's input with rate above 0.2.",
        help = "A dropout before any weighted layer drops the model's input. Srivastava et al."
                + " (2014, JMLR) keep 0.8 of the input units (rate 0.2): the input carries"
                + " information no later layer can recover, so it tolerates far less dropout"
                + " than hidden units. Fix: use rate = 0.2 or lower on the input.")
public final class InputDropoutHigh extends Rule {

    /** Srivastava et al. (2014) keep 0.8 of the input units. */
    static final double MAX_RATE = 0.2;

    @Override
    public List<Finding> check(LayerSequence layers) {
        // a building block's input is the network's only where a model uses it first: that
        // model's whole-network lint decides
        boolean networkInput = !layers.isBlock();
        return findWithResidualHeads(layers, i -> layers.actsOnInput(i) && networkInput, DropoutFix.rateAbove(MAX_RATE),
                layer -> DropoutFix.rateMessage(layers, layer.spec(), text(layer), layer.where(), MAX_RATE));
    }

    private static String text(Subject layer) {
        DropoutSpec dropout = (DropoutSpec) layer.spec();
        return "layer " + layer.words() + " drops " + LintText.decimal(dropout.rate())
                + " of the model's input " + layer.in() + " before any weighted layer."
                + " Srivastava et al. (2014) keep 0.8 of the input units (rate 0.2): information"
                + " dropped from the input cannot be recovered by later layers.";
    }
}
