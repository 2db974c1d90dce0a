package dev.lamina.processor.lint;

import java.util.List;
import java.util.Map;

/**
 * Severity overrides from processor options ({@code -Alamina.lint=warn|error|off},
 * {@code -Alamina.lint.<Id>=warn|error|note|off}).
 * STUB: the lint issue replaces the body; the signature is the contract with LaminaProcessor.
 */
public final class LintConfig {

    private LintConfig() {}

    /**
     * Reads the {@code lamina.lint} and {@code lamina.lint.*} keys of the processor options
     * (other keys are ignored). Problems (unknown rule id, unknown value) are added to
     * {@code problems} as complete warning messages; the offending entry is then ignored.
     */
    public static LintConfig fromOptions(Map<String, String> processorOptions, List<String> problems) {
        return new LintConfig();
    }
}
