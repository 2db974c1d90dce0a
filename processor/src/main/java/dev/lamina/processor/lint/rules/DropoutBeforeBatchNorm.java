package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.SubModelSpec;
import java.util.List;

/** Any dropout with a {@code @BatchNorm} (or a sub-model containing one) anywhere after it. */
@LintRule(severity = Severity.WARNING,
        summary = "Dropout placed before a @BatchNorm: variance shift between training and inference.",
        help = "A dropout with a @BatchNorm anywhere after it changes the variance of the"
                + " activations between training (units dropped and rescaled) and inference"
                + " (no dropout). Batch norm learns its running variance during training, so at"
                + " inference it normalizes with statistics that no longer match, which hurts"
                + " accuracy (Li et al., CVPR 2019, 'Understanding the Disharmony between"
                + " Dropout and Batch Normalization by Variance Shift'). Fix: move the dropout"
                + " after the last @BatchNorm.")
public final class DropoutBeforeBatchNorm extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        return concat(findAt(layers, i -> layers.spec(i) instanceof DropoutSpec
                        && layers.nextBatchNorm(i) >= 0
                        && !layers.isInsideResidualBlockBetweenConvs(i),
                i -> message(layers, i)),
                findInTails(layers, i -> layers.nextBatchNorm(i) >= 0, spec -> spec instanceof DropoutSpec,
                        (i, inner) -> acrossMessage(layers, i, inner)));
    }

    /** A dropout at the end of a sub-model whose output this model feeds to a batch norm. */
    private static Message acrossMessage(LayerSequence layers, int i, LayerSequence.Inner inner) {
        return new Message("layer " + inner.describe() + " ends sub-model " + layers.describe(i) + ", and this model"
                + " feeds its output to " + target(layers, layers.nextBatchNorm(i)) + ". Each model is"
                + " fine alone; composed here, the dropout comes before a batch norm and shifts the variance"
                + " that batch norm learns in training (variance shift; Li et al., CVPR 2019).", "remove it"
                + " from " + inner.declaredIn().simpleName() + "; the batch norm already regularizes.");
    }

    private static String target(LayerSequence layers, int bn) {
        if (layers.spec(bn) instanceof SubModelSpec sub) {
            return "sub-model " + layers.describe(bn) + (sub.projection() && !containsOwnBatchNorm(sub)
                    ? ", whose projection shortcut ends in a batch norm" : ", which contains a @BatchNorm");
        }
        return "batch norm " + layers.describe(bn);
    }

    private static boolean containsOwnBatchNorm(SubModelSpec sub) {
        return sub.model().layers().stream().anyMatch(spec -> spec instanceof dev.lamina.processor.model.BatchNormSpec
                || spec instanceof SubModelSpec inner && (inner.projection() || containsOwnBatchNorm(inner)));
    }

    private static Message message(LayerSequence layers, int i) {
        return new Message("layer " + layers.describe(i) + " comes before " + target(layers, layers.nextBatchNorm(i))
                + ". Dropout shifts the"
                + " variance of its output between training and inference, so the batch norm's running"
                + " statistics, learned with dropout on, do not match at inference (variance shift; Li"
                + " et al., CVPR 2019).", fix(layers, i));
    }

    /**
     * Move the dropout after the last batch norm when there is a weighted layer after it whose input
     * this dropout can act on without another finding (a vector, or a feature map for a spatial
     * dropout); otherwise remove it, since the batch norm already regularizes.
     */
    private static String fix(LayerSequence layers, int i) {
        DropoutSpec dropout = (DropoutSpec) layers.spec(i);
        int target = layers.nextWeighted(layers.lastBatchNorm());
        boolean fits = target >= 0 && !(layers.spec(target) instanceof SubModelSpec)
                && (layers.in(target).isVector() || dropout.spatial());
        if (fits) {
            String from = layers.sameDeclaration(i, target) ? "" : layers.isInner(i)
                    ? " out of " + layers.entry(i).declaredIn().simpleName() : "";
            return "move it" + from + " after the last batch norm, just before " + layers.describe(target)
                    + " (there it acts on " + LayerSequence.shapeWords(layers.in(target)) + ").";
        }
        return "remove it" + layers.declaredWhere(i) + "; the batch norm already regularizes (Ioffe & Szegedy 2015), and there"
                + " is no layer after the last batch norm where a dropout would act on a vector.";
    }
}
