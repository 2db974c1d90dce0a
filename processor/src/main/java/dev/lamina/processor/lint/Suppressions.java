package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code @SuppressWarnings} on model fields and classes: {@code "lamina"} suppresses every rule,
 * {@code "lamina:<Id>"} one rule; values not starting with {@code "lamina"} belong to javac or
 * other tools and are ignored. A value starting with {@code "lamina"} that names no rule is itself
 * reported as {@link Problem#UNKNOWN_SUPPRESSION}.
 *
 * <p>That warning is placed on {@code Origin.ofOtherAnnotation(field, "SuppressWarnings",
 * "value")} ({@code field == null} for the class): the report layer finds the
 * {@code @SuppressWarnings} mirror by name on the field (or on the class) and the diagnostic lands
 * on its {@code value}.
 */
public final class Suppressions {

    /** The blanket value: every Lamina lint. */
    public static final String ALL = "lamina";
    /** Prefix of a one-rule value: {@code lamina:<Id>}. */
    public static final String PREFIX = "lamina:";
    /** {@link Origin#annotation()} of that warning. */
    public static final String ANNOTATION = "SuppressWarnings";

    private final ModelSpec model;

    public Suppressions(ModelSpec model) {
        this.model = model;
    }

    /** Whether the finding's field or the model class suppresses it. */
    public boolean suppresses(Finding finding) {
        String key = PREFIX + finding.id();
        if (model.classSuppressions().contains(ALL) || model.classSuppressions().contains(key)) {
            return true;
        }
        String field = finding.origin().field();
        Set<String> values = field == null ? Set.of() : model.fieldSuppressions().getOrDefault(field, Set.of());
        return values.contains(ALL) || values.contains(key);
    }

    /**
     * One WARNING per {@code @SuppressWarnings} value that starts with {@code "lamina"} but names
     * no rule: class first, then fields by name; values in alphabetical order.
     */
    public List<Finding> unknownIds() {
        List<Finding> findings = new ArrayList<>();
        check(null, model.classSuppressions(), findings);
        for (Map.Entry<String, Set<String>> field : new TreeMap<>(model.fieldSuppressions()).entrySet()) {
            check(field.getKey(), field.getValue(), findings);
        }
        return findings;
    }

    /** Where the warning about an unknown value on {@code field} (null: the class) is placed. */
    public static Origin originOf(String field) {
        return Origin.ofOtherAnnotation(field, ANNOTATION, "value");
    }

    private void check(String field, Set<String> values, List<Finding> findings) {
        for (String value : new TreeSet<>(values)) {
            if (value.startsWith(ALL) && !value.equals(ALL) && !isRuleKey(value)) {
                findings.add(unknownValue(field, value));
            }
        }
    }

    private static boolean isRuleKey(String value) {
        return value.startsWith(PREFIX) && Rules.byId(value.substring(PREFIX.length())).isPresent();
    }

    private Finding unknownValue(String field, String value) {
        String where = field == null ? "class " + model.simpleName() : "field '" + field + "'";
        String id = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
        return Problem.unknownSuppression(originOf(field), value, where, Rules.closest(id).map(Rule::id), ALL, PREFIX,
                Rules.ids());
    }
}
