package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.shape.ShapedModel;
import java.util.List;

/**
 * Runs every registered placement rule on a shaped model, applies severity options and
 * {@code @SuppressWarnings}, and returns what is to be reported.
 * STUB: the lint issue replaces the body; the signature is the contract with LaminaProcessor.
 */
public final class Linter {

    private final LintConfig config;

    public Linter(LintConfig config) {
        this.config = config;
    }

    /** Findings to report (severity already adjusted; suppressed and OFF ones removed). */
    public List<Finding> lint(ShapedModel model) {
        return List.of();
    }
}
