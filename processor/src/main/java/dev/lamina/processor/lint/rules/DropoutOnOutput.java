package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.List;

/** A dropout after the last weighted layer of a model whose output is a vector (the logits). */
@LintRule(severity = Severity.WARNING,
        summary = "Dropout after the last weighted layer: it drops output logits.",
        help = "A dropout after the last weighted layer zeroes class scores (logits) at random during"
                + " training, so the loss is computed on corrupted predictions. Dropout is meant"
                + " for hidden units (Srivastava et al. 2014), not the output layer (seed"
                + " article 002). Fix: remove it, or move it before the last weighted layer.")
public final class DropoutOnOutput extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> layers.spec(i) instanceof DropoutSpec && layers.actsOnLogits(i),
                i -> message(layers, i)),
                findInTails(layers, i -> layers.isClassifier() && i == layers.lastWeighted(),
                        spec -> spec instanceof DropoutSpec,
                        (i, inner) -> new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i)
                                + ", the last weighted layer of this classifier, so it zeroes the output logits "
                                + layers.model().output() + " at random during training and the loss sees"
                                + " corrupted class scores. Dropout regularizes hidden units, not the output"
                                + " layer (Srivastava et al. 2014; seed article 002).", "remove it from "
                                + inner.declaredIn().simpleName() + ", or end this model with a @Dense of its own.")));
    }

    private static Message message(LayerSequence layers, int i) {
        String last = layers.describe(layers.lastWeighted());
        return DropoutFix.message(layers, i, "layer " + layers.describe(i) + " comes after the last weighted layer "
                + last + " and zeroes the output logits " + layers.in(i) + " at random during training, so"
                + " the loss sees corrupted class scores. Dropout regularizes hidden units, not the"
                + " output layer (Srivastava et al. 2014; seed article 002).");
    }

    /**
     * The Fix for a dropout on the logits (see {@link DropoutFix}): remove it, or move it before the
     * last weighted layer when that layer receives a vector (on a feature map the dropout would
     * be element-wise dropout on feature maps) and no dropout is there already (the two would
     * compound).
     */
    static String fix(LayerSequence layers, int i) {
        int last = layers.lastWeighted();
        int existing = DropoutFix.dropoutJustBefore(layers, last, i);
        if (existing >= 0) {
            return "remove it" + layers.declaredWhere(i) + "; " + layers.describe(existing) + " before "
                    + layers.describe(last) + " already drops hidden units.";
        }
        return "remove it" + layers.declaredWhere(i) + (layers.in(last).isVector() ? ", or move it before "
                + layers.describe(last) + "." : ".");
    }
}
