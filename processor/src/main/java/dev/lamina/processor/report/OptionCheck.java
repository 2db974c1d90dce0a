package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code -Alamina.*} processor options that are not lint options: an unknown key or
 * a bad {@code lamina.summary} or {@code lamina.summary.batch} value becomes a warning naming what is valid
 * ({@link Problem#UNKNOWN_OPTION}, {@link Problem#BAD_OPTION}).
 */
public final class OptionCheck {

    /** Option: print every model's summary as a NOTE ({@code true|false}). */
    public static final String SUMMARY = "lamina.summary";
    /** Option: the batch the summary's activation memory is computed for (a whole number, at least 1). */
    public static final String SUMMARY_BATCH = "lamina.summary.batch";
    /** The summary's batch without {@link #SUMMARY_BATCH}. */
    public static final int DEFAULT_SUMMARY_BATCH = 32;
    /** Option: write lint findings as SARIF to this path. */
    public static final String SARIF = "lamina.sarif";
    /** Option: severity of all lint rules; {@code lamina.lint.<RuleId>} for one. */
    public static final String LINT = "lamina.lint";

    /** The option names javac should accept. */
    public static final Set<String> SUPPORTED = Set.of(LINT, SUMMARY, SUMMARY_BATCH, SARIF);

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
            if (key.equals(SUMMARY_BATCH)) {
                if (parseBatch(option.getValue()) == 0) {
                    problems.add(Problem.badCountOption(SUMMARY_BATCH, option.getValue(),
                            "the summary's activation memory", DEFAULT_SUMMARY_BATCH));
                }
                continue;
            }
            problems.add(Problem.unknownOption(key));
        }
        return problems;
    }

    /**
     * The batch of {@code -Alamina.summary.batch}, or {@link #DEFAULT_SUMMARY_BATCH} when it is
     * absent or not valid ({@link #problems} warns about it).
     */
    public static int summaryBatch(Map<String, String> options) {
        int batch = parseBatch(options.get(SUMMARY_BATCH));
        return batch == 0 ? DEFAULT_SUMMARY_BATCH : batch;
    }

    /** A whole number of at least 1, or 0 when {@code value} is null or not one. */
    private static int parseBatch(String value) {
        if (value == null || !value.matches("[0-9]{1,10}")) {
            return 0;
        }
        long batch = Long.parseLong(value);
        return batch <= Integer.MAX_VALUE ? (int) batch : 0;
    }

    /** Whether {@code -Alamina.summary=true} is set. */
    public static boolean summaryRequested(Map<String, String> options) {
        return "true".equals(options.get(SUMMARY));
    }
}
