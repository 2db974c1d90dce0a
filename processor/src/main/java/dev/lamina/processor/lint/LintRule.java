package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a {@link Rule}, declared once on its class (as Error Prone's
 * {@code @BugPattern} does for a check). The rule's id is its class's simple name, so the id shown
 * in {@code [lamina:<Id>]}, used in {@code -Alamina.lint.<Id>} and {@code @SuppressWarnings("lamina:<Id>")},
 * and headed in docs/lints.md cannot disagree with the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LintRule {

    /** Severity when no option overrides it: WARNING or NOTE; ERROR for a model that cannot train at all. */
    Severity severity();

    /** One line: what the rule detects. */
    String summary();

    /** A paragraph: what, why (with the source) and the fix (for SARIF and IDEs; docs/lints.md has the long form). */
    String help();
}
