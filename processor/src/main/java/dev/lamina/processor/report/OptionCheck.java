package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code -Alamina.*} processor options that are not lint options: an unknown key or
 * a bad {@code lamina.summary} value becomes a warning naming what is valid
 * ({@link Problem#UNKNOWN_OPTION}, {@link Problem#BAD_OPTION}).
 */
public final class OptionCheck {

    /** Option: print every model's summary as a NOTE ({@code true|false}). */
    public static final String SUMMARY = "lamina.summary";
    /** Option: write lint findings as SARIF to this path. */
    public static final String SARIF = "lamina.sarif";
    /** Option: severity of all lint rules; {@code lamina.lint.<RuleId>} for one. */
    public static final String LINT = "lamina.lint";

    /** The option names javac should accept. */
    public static final Set<String> SUPPORTED = Set.of(LINT, SUMMARY, SARIF);

    private OptionCheck() {}

    /** Warnings about the options, on no element (empty when all are fine). */
    public static List<Finding> problems(Map<String, String> options) {
        List<Finding> problems = new ArrayList<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey();
            if (!key.startsWith("lamina.") || key.equals(LINT) || key.startsWith(LINT + ".")
                    || key.equals(SARIF)) {
                continue;
            }
            if (key.equals(SUMMARY)) {
                String value = option.getValue();
                if (!"true".equals(value) && !"false".equals(value)) {
                    problems.add(Problem.badBooleanOption(SUMMARY, value));
                }
                continue;
            }
            problems.add(Problem.unknownOption(key));
        }
        return problems;
    }

    /** Whether {@code -Alamina.summary=true} is set. */
    public static boolean summaryRequested(Map<String, String> options) {
        return "true".equals(options.get(SUMMARY));
    }
}
