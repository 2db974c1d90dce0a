package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintRule;
import dev.lamina.processor.lint.Message;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Two dropouts with no weighted layer between them; reported on the later one with the
 * effective rate of the whole run.
 */
@LintRule(severity = Severity.WARNING,
        summary = "Two dropouts with no weighted layer between them: their rates compound.",
        help = "Two dropouts with no weighted layer (@Conv, @DepthwiseConv, @Dense) between them act on the same units, so their"
                + " keep probabilities multiply: @Dropout(0.5) twice drops 0.75 of the units,"
                + " more than either rate says (Srivastava et al. 2014 use one dropout per"
                + " layer). Fix: keep one dropout with the rate you want.")
public final class ConsecutiveDropout extends Rule {

    @Override
    public List<Finding> check(LayerSequence layers) {
        List<Finding> findings = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (LayerSequence.isWeighted(layers.spec(i))) {
                run.clear();
            } else if (layers.spec(i) instanceof DropoutSpec) {
                int index = i;
                run.add(index);
                if (run.size() > 1) {
                    findings.add(finding(layers, index, message(layers, List.copyOf(run))));
                }
            }
        }
        return findings;
    }

    private static Message message(LayerSequence layers, List<Integer> run) {
        int current = run.get(run.size() - 1);
        int previous = run.get(run.size() - 2);
        double keep = 1;
        List<String> keeps = new ArrayList<>();
        for (int index : run) {
            double k = 1 - ((DropoutSpec) layers.spec(index)).rate();
            keeps.add(LintText.decimal(k));
            keep *= k;
        }
        return DropoutFix.message(layers, current, "layer " + layers.describe(current) + " follows dropout "
                + layers.describe(previous) + " with no weighted layer between: the rates compound, so "
                + LintText.decimal(1 - keep) + " of the units are dropped (keep "
                + String.join(" x ", keeps) + " = " + LintText.decimal(keep) + ").");
    }

    /**
     * The dropouts at and before {@code index} with no weighted layer between them, in order, ending
     * with {@code index}; just {@code index} when no dropout comes before it so.
     */
    static List<Integer> run(LayerSequence layers, int index) {
        List<Integer> run = new ArrayList<>();
        for (int k = index; k >= 0 && !LayerSequence.isWeighted(layers.spec(k)); k--) {
            if (layers.spec(k) instanceof DropoutSpec) {
                run.add(0, k);
            }
        }
        return run;
    }

    /** The Fix for the last dropout of {@code run} (see {@link DropoutFix}): keep one, at the compound rate, capped. */
    static String fix(LayerSequence layers, List<Integer> run) {
        int current = run.get(run.size() - 1);
        int previous = run.get(run.size() - 2);
        double keep = 1;
        for (int index : run) {
            keep *= 1 - ((DropoutSpec) layers.spec(index)).rate();
        }
        return "keep one dropout with the rate you want, e.g. @Dropout(rate = "
                + LintText.decimal(suggested(layers, current, 1 - keep)) + ")"
                + (layers.sameDeclaration(current, previous) ? ", and remove the other."
                        : " as " + layers.describe(current) + ", and remove " + layers.describe(previous) + ".");
    }

    /** The compound rate, capped where DropoutRateHigh or InputDropoutHigh would report it. */
    private static double suggested(LayerSequence layers, int index, double rate) {
        double cap = layers.actsOnInput(index) ? InputDropoutHigh.MAX_RATE : DropoutRateHigh.MAX_RATE;
        return Math.min(rate, cap);
    }
}
