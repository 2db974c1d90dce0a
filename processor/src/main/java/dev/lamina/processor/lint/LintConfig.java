package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Severity overrides from processor options.
 *
 * <ul>
 *   <li>{@code -Alamina.lint=warn} (the default): every rule at its default severity
 *       (warnings stay warnings, notes stay notes).</li>
 *   <li>{@code -Alamina.lint=error}: rules whose default is WARNING report ERRORs (the build
 *       fails); NOTE rules stay notes, as javac's {@code -Werror} leaves notes alone.</li>
 *   <li>{@code -Alamina.lint=off}: no rule runs.</li>
 *   <li>{@code -Alamina.lint.<Id>=warn|error|note|off}: that rule at exactly that severity; wins
 *       over {@code lamina.lint} (so {@code lamina.lint=off} with {@code lamina.lint.DoubleSoftmax=error}
 *       runs only DoubleSoftmax).</li>
 * </ul>
 * Values are case-insensitive and trimmed; ids are case-sensitive. An unknown id or value is a
 * problem ({@link Problem#UNKNOWN_LINT_ID}, {@link Problem#UNKNOWN_LINT_VALUE}) and that entry is
 * ignored. Keys other than {@code lamina.lint} and {@code lamina.lint.*} are not read.
 */
public final class LintConfig {

    /** The option for all rules. */
    public static final String OPTION = "lamina.lint";
    /** Prefix of the per-rule options: {@code lamina.lint.<Id>}. */
    public static final String RULE_OPTION_PREFIX = OPTION + ".";

    private static final List<String> GLOBAL_VALUES = List.of("warn", "error", "off");
    private static final List<String> RULE_VALUES = List.of("warn", "error", "note", "off");

    private final String global;
    private final Map<String, Severity> perRule;

    private LintConfig(String global, Map<String, Severity> perRule) {
        this.global = global;
        this.perRule = Map.copyOf(perRule);
    }

    /** Every rule at its default severity (no options). */
    public static LintConfig defaults() {
        return new LintConfig("warn", Map.of());
    }

    /**
     * Reads the {@code lamina.lint} and {@code lamina.lint.*} keys of the processor options
     * (other keys are ignored). Problems (unknown rule id, unknown value) are added to
     * {@code problems} as findings on no element; the offending entry is then ignored.
     */
    public static LintConfig fromOptions(Map<String, String> processorOptions, List<Finding> problems) {
        String global = "warn";
        Map<String, Severity> perRule = new TreeMap<>();
        for (Map.Entry<String, String> option : new TreeMap<>(processorOptions).entrySet()) {
            String key = option.getKey();
            String raw = option.getValue() == null ? "" : option.getValue();
            String value = raw.trim().toLowerCase(Locale.ROOT);
            if (key.equals(OPTION)) {
                if (GLOBAL_VALUES.contains(value)) {
                    global = value;
                } else {
                    problems.add(unknownValue(key, raw, GLOBAL_VALUES));
                }
            } else if (key.startsWith(RULE_OPTION_PREFIX)) {
                String id = key.substring(RULE_OPTION_PREFIX.length());
                if (Rules.byId(id).isEmpty()) {
                    problems.add(unknownId(key, raw, id));
                } else if (RULE_VALUES.contains(value)) {
                    perRule.put(id, severityOf(value));
                } else {
                    problems.add(unknownValue(key, raw, RULE_VALUES));
                }
            }
        }
        return new LintConfig(global, perRule);
    }

    /**
     * Option keys the processor should declare in {@code getSupportedOptions()} so that javac does
     * not warn about them: {@code lamina.lint} and {@code lamina.lint.<Id>} for every rule.
     */
    public static Set<String> supportedOptions() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(OPTION);
        Rules.ids().forEach(id -> keys.add(RULE_OPTION_PREFIX + id));
        return keys;
    }

    /** Severity the rule reports at under these options ({@link Severity#OFF}: not run). */
    public Severity severityOf(Rule rule) {
        Severity override = perRule.get(rule.id());
        if (override != null) {
            return override;
        }
        return switch (global) {
            case "off" -> Severity.OFF;
            case "error" -> rule.defaultSeverity() == Severity.WARNING ? Severity.ERROR : rule.defaultSeverity();
            default -> rule.defaultSeverity();
        };
    }

    /** Whether at least one rule runs. */
    public boolean anyEnabled() {
        return Rules.all().stream().anyMatch(rule -> severityOf(rule) != Severity.OFF);
    }

    private static Severity severityOf(String value) {
        return switch (value) {
            case "warn" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            case "note" -> Severity.NOTE;
            case "off" -> Severity.OFF;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static Finding unknownId(String key, String value, String id) {
        return Problem.unknownLintId(key, value, id, Rules.closest(id).map(Rule::id), Rules.ids());
    }

    private static Finding unknownValue(String key, String value, List<String> valid) {
        return Problem.unknownLintValue(key, value, valid);
    }

    /** For tests and debugging: the options as understood. */
    @Override
    public String toString() {
        return OPTION + "=" + global + (perRule.isEmpty() ? "" : " " + new TreeMap<>(perRule));
    }
}
