package dev.lamina.processor.lint;

import dev.lamina.processor.lint.rules.ActivationOnLogits;
import dev.lamina.processor.lint.rules.BatchNormAfterActivation;
import dev.lamina.processor.lint.rules.BoundedRegressionOutput;
import dev.lamina.processor.lint.rules.ChannelsLastInput;
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
import dev.lamina.processor.lint.rules.LinearConvBeforePool;
import dev.lamina.processor.lint.rules.MissingActivation;
import dev.lamina.processor.lint.rules.MultiUnitBinaryOutput;
import dev.lamina.processor.lint.rules.RedundantBias;
import dev.lamina.processor.lint.rules.SingleUnitSoftmaxOutput;
import dev.lamina.processor.lint.rules.SoftmaxBeforeSigmoidLoss;
import dev.lamina.processor.lint.rules.TaskOutputNotVector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry: every placement rule, in the order findings of one layer are reported. Adding a
 * rule means adding its class to {@link #ALL}, its test (with its javac cases, which
 * LintCompilationTest picks up from there) and its section in docs/lints.md.
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
            new SoftmaxBeforeSigmoidLoss(),
            new ActivationOnLogits(),
            new BoundedRegressionOutput(),
            new MissingActivation(),
            new DuplicateActivation(),
            new BatchNormAfterActivation(),
            new RedundantBias(),
            new LargeDenseHead(),
            new SingleUnitSoftmaxOutput(),
            new MultiUnitBinaryOutput(),
            new TaskOutputNotVector(),
            new ChannelsLastInput(),
            new LinearConvBeforePool());

    private static final Map<String, Rule> BY_ID = index(ALL);

    /** How far a misspelt id may be from a rule id for a "did you mean" hint. */
    private static final int MAX_TYPO_EDITS = 2;

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

    /**
     * The rule whose id is closest to a misspelt {@code id}: equal ignoring case, or at most two
     * edits away (ignoring case); for "did you mean" hints.
     */
    public static Optional<Rule> closest(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        Rule best = null;
        int bestDistance = MAX_TYPO_EDITS + 1;
        for (Rule rule : ALL) {
            int distance = editDistance(lower, rule.id().toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = rule;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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
