package dev.lamina.processor.lint.rules;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LayerSequence;
import dev.lamina.processor.lint.LintText;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.model.DropoutSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two dropouts with no weighted layer between them; reported on the later one with the
 * effective rate of the whole run.
 */
public final class ConsecutiveDropout extends Rule {

    public ConsecutiveDropout() {
        super("ConsecutiveDropout", Severity.WARNING,
                "Two dropouts with no weighted layer between them: their rates compound.",
                "Two dropouts with no @Conv or @Dense between them act on the same units, so their"
                        + " keep probabilities multiply: @Dropout(0.5) twice drops 0.75 of the units,"
                        + " more than either rate says (Srivastava et al. 2014 use one dropout per"
                        + " layer). Fix: keep one dropout with the rate you want.");
    }

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
                    findings.add(finding(layers, index, message(layers, run)));
                } else {
                    afterSubModel(layers, index).ifPresent(inner -> findings.add(finding(layers, index,
                            acrossMessage(layers, index, inner))));
                }
                beforeSubModel(layers, index).ifPresent(inner -> findings.add(findingAcross(layers, index, inner,
                        beforeMessage(layers, index, inner))));
            }
        }
        return findings;
    }

    /**
     * The first dropout at the start of the plain sub-model that is the next weighted layer after
     * {@code i}, when {@code i} is the last dropout before it.
     */
    private static Optional<LayerSequence.Inner> beforeSubModel(LayerSequence layers, int i) {
        int next = layers.nextWeighted(i);
        for (int k = i + 1; k < next; k++) {
            if (layers.spec(k) instanceof DropoutSpec) {
                return Optional.empty();
            }
        }
        return next < 0 ? Optional.empty() : layers.headOfPlainSubModel(next).stream()
                .filter(inner -> inner.spec() instanceof DropoutSpec).findFirst();
    }

    private static String beforeMessage(LayerSequence layers, int i, LayerSequence.Inner inner) {
        double first = 1 - ((DropoutSpec) layers.spec(i)).rate();
        double second = 1 - ((DropoutSpec) inner.spec()).rate();
        double keep = first * second;
        return "layer " + layers.describe(i) + " is followed by dropout " + inner.describe() + " at the start of"
                + " sub-model " + layers.describe(layers.nextWeighted(i)) + " with no weighted layer between:"
                + " composed here, the rates compound, so " + LintText.decimal(1 - keep) + " of the units are"
                + " dropped (keep " + LintText.decimal(first) + " x " + LintText.decimal(second) + " = "
                + LintText.decimal(keep) + "). Fix: keep one dropout with the rate you want, e.g. @Dropout(rate = "
                + LintText.decimal(suggested(layers, i, 1 - keep)) + ") here, and remove the one in "
                + inner.declaredIn().simpleName() + ".";
    }

    /**
     * The last dropout at the end of the sub-model that is the nearest weighted layer before the
     * dropout at {@code i}, when there is one.
     */
    private static Optional<LayerSequence.Inner> afterSubModel(LayerSequence layers, int i) {
        int previous = layers.previousWeighted(i);
        if (previous < 0 || layers.isResidual(previous)) { // a residual adds its skip path after the dropout
            return Optional.empty();
        }
        List<LayerSequence.Inner> dropouts = layers.tail(previous).stream()
                .filter(inner -> inner.spec() instanceof DropoutSpec).toList();
        return dropouts.isEmpty() ? Optional.empty() : Optional.of(dropouts.get(dropouts.size() - 1));
    }

    private static String acrossMessage(LayerSequence layers, int i, LayerSequence.Inner inner) {
        double first = 1 - ((DropoutSpec) inner.spec()).rate();
        double second = 1 - ((DropoutSpec) layers.spec(i)).rate();
        double keep = first * second;
        return "layer " + layers.describe(i) + " follows dropout " + inner.describe() + " at the end of sub-model "
                + layers.describe(layers.previousWeighted(i)) + " with no weighted layer between: composed here,"
                + " the rates compound, so " + LintText.decimal(1 - keep) + " of the units are dropped (keep "
                + LintText.decimal(first) + " x " + LintText.decimal(second) + " = " + LintText.decimal(keep)
                + "). Fix: keep one dropout with the rate you want, e.g. @Dropout(rate = "
                + LintText.decimal(suggested(layers, i, 1 - keep)) + ") here, and remove the one in "
                + inner.declaredIn().simpleName() + ".";
    }

    private static String message(LayerSequence layers, List<Integer> run) {
        int current = run.get(run.size() - 1);
        int previous = run.get(run.size() - 2);
        double keep = 1;
        List<String> keeps = new ArrayList<>();
        for (int index : run) {
            double k = 1 - ((DropoutSpec) layers.spec(index)).rate();
            keeps.add(LintText.decimal(k));
            keep *= k;
        }
        return "layer " + layers.describe(current) + " follows dropout " + layers.describe(previous)
                + " with no weighted layer between: the rates compound, so "
                + LintText.decimal(1 - keep) + " of the units are dropped (keep "
                + String.join(" x ", keeps) + " = " + LintText.decimal(keep) + "). Fix: keep one"
                + " dropout with the rate you want, e.g. @Dropout(rate = " + LintText.decimal(suggested(layers, current, 1 - keep))
                + "), and remove the other.";
    }

    /** The compound rate, capped where DropoutRateHigh or InputDropoutHigh would report it. */
    private static double suggested(LayerSequence layers, int index, double rate) {
        double cap = layers.actsOnInput(index) ? InputDropoutHigh.MAX_RATE : DropoutRateHigh.MAX_RATE;
        return Math.min(rate, cap);
    }
}
