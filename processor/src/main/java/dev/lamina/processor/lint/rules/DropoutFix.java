package dev.lamina.processor.lint.rules;

import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.LayerSpec;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one Fix for a dropout of the model at hand, whichever dropout rule reports it: several rules
 * can fire on one dropout (between convs and before a batch norm; on a feature map and with a high
 * rate; ...), and each of them gives this Fix, so the messages on one layer never disagree. It
 * is the first of these that applies, each of which also resolves the problems after it:
 *
 * <ol>
 *   <li>a batch norm follows ({@link DropoutBeforeBatchNorm}): move it after the last batch norm,
 *       or remove it;
 *   <li>it drops the logits ({@link DropoutOnOutput}): remove it, or move it before the last
 *       weighted layer;
 *   <li>a dropout comes before it with no weighted layer between ({@link ConsecutiveDropout}): keep
 *       one;
 *   <li>element-wise on a feature map between convs ({@link DropoutBetweenConvs}) or elsewhere
 *       ({@link DropoutOnFeatureMaps}): a {@code @SpatialDropout}, at a rate no rule reports;
 *   <li>its rate is too high ({@link DropoutRateHigh}, {@link InputDropoutHigh}): a lower rate.
 * </ol>
 */
final class DropoutFix {

    private DropoutFix() {}

    /**
     * The Fix for the dropout at {@code index} and the message {@code text} a rule gives with it:
     * the Fix sets the dropout's rate when that is all it does.
     */
    static Message message(LayerSequence layers, int index, String text) {
        String fix = placement(layers, index);
        if (fix != null) {
            return new Message(text, fix);
        }
        DropoutSpec dropout = (DropoutSpec) layers.spec(index);
        boolean input = layers.actsOnInput(index);
        String rate = LintText.decimal(input ? InputDropoutHigh.MAX_RATE : DropoutRateHigh.MAX_RATE);
        return new Message(text, "@" + dropout.kind() + "(rate = " + rate + ") or lower" + layers.declaredWhere(index)
                + ".").setting("rate", rate);
    }

    /** Whether a spec is a dropout (either kind) with a rate above {@code maxRate}. */
    static Predicate<LayerSpec> rateAbove(double maxRate) {
        return spec -> spec instanceof DropoutSpec d && d.rate() > maxRate;
    }

    /**
     * The message {@code text} about the dropout {@code spec} with a rate above {@code maxRate}:
     * with {@link #message}'s Fix when it is a layer of the model at hand, else (a layer at the
     * start of a residual block's main path, fixed {@code where} it is declared) a lower rate.
     */
    static Message rateMessage(LayerSequence layers, LayerSpec spec, String text, String where,
                               double maxRate) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.spec(i) == spec) {
                return message(layers, i, text);
            }
        }
        String rate = LintText.decimal(maxRate);
        return new Message(text, "@" + spec.kind() + "(rate = " + rate + ") or lower" + where + ".").setting("rate", rate);
    }

    /** The Fix that moves, replaces or removes the dropout at {@code index}; null when none applies. */
    private static String placement(LayerSequence layers, int index) {
        if (DropoutBeforeBatchNorm.applies(layers, index)) {
            return DropoutBeforeBatchNorm.fix(layers, index);
        }
        if (layers.actsOnLogits(index)) {
            return DropoutOnOutput.fix(layers, index);
        }
        List<Integer> run = ConsecutiveDropout.run(layers, index);
        if (run.size() > 1) {
            return ConsecutiveDropout.fix(layers, run);
        }
        if (DropoutBetweenConvs.applies(layers, index)) {
            return DropoutBetweenConvs.fix(layers, index);
        }
        if (DropoutOnFeatureMaps.applies(layers, index)) {
            return DropoutOnFeatureMaps.fix(layers, index);
        }
        return null;
    }

    /**
     * A dropout other than {@code index} between the weighted layer before {@code target} and
     * {@code target} (one that a dropout moved there would follow with no weighted layer between,
     * {@link ConsecutiveDropout}), or -1.
     */
    static int dropoutJustBefore(LayerSequence layers, int target, int index) {
        for (int k = target - 1; k > layers.previousWeighted(target); k--) {
            if (k != index && layers.spec(k) instanceof DropoutSpec) {
                return k;
            }
        }
        return -1;
    }
}
