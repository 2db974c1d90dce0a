package dev.lamina.processor.lint;

import dev.lamina.processor.lint.rules.ActivationOnLogits;
import dev.lamina.processor.lint.rules.BatchNormAfterActivation;
import dev.lamina.processor.lint.rules.ConsecutiveDropout;
import dev.lamina.processor.lint.rules.DoubleSoftmax;
import dev.lamina.processor.lint.rules.DropoutBeforeBatchNorm;
import dev.lamina.processor.lint.rules.DropoutBetweenConvs;
import dev.lamina.processor.lint.rules.DropoutOnFeatureMaps;
import dev.lamina.processor.lint.rules.DropoutOnOutput;
import dev.lamina.processor.lint.rules.DropoutRateHigh;
import dev.lamina.processor.lint.rules.DuplicateActivation;
import dev.lamina.processor.lint.rules.InputDropoutHigh;
import dev.lamina.processor.lint.rules.LargeDenseHead;
import dev.lamina.processor.lint.rules.MissingActivation;
import dev.lamina.processor.lint.rules.RedundantBias;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry: every placement rule, in the order findings of one layer are reported. Adding a
 * rule means adding its class to {@link #ALL}, its test and its section in docs/lints.md.
 */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new DropoutBetweenConvs(),
            new DropoutOnFeatureMaps(),
            new DropoutBeforeBatchNorm(),
            new DropoutRateHigh(),
            new InputDropoutHigh(),
            new DropoutOnOutput(),
            new ConsecutiveDropout(),
            new DoubleSoftmax(),
            new ActivationOnLogits(),
            new MissingActivation(),
            new DuplicateActivation(),
            new BatchNormAfterActivation(),
            new RedundantBias(),
            new LargeDenseHead());

    private static final Map<String, Rule> BY_ID = index(ALL);

    private Rules() {}

    /** Every rule, in registry order. */
    public static List<Rule> all() {
        return ALL;
    }

    /** Every rule id, in registry order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The rule with exactly this id. */
    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The rule whose id equals {@code id} ignoring case (for "did you mean" hints). */
    public static Optional<Rule> byIdIgnoreCase(String id) {
        return ALL.stream().filter(rule -> rule.id().equalsIgnoreCase(id)).findFirst();
    }

    /** {@code " Did you mean 'X'?"} when {@code id} matches a rule id ignoring case, else "". */
    static String didYouMean(String id) {
        return byIdIgnoreCase(id).map(rule -> " Did you mean '" + rule.id() + "'?").orElse("");
    }

    private static Map<String, Rule> index(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("two rules with id " + rule.id());
            }
        }
        return byId;
    }
}
