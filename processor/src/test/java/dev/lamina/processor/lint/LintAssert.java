package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.shape.ShapedModel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Assertions shared by the rule tests; everything goes through {@link Linter} with default options. */
final class LintAssert {

    private LintAssert() {}

    static List<Finding> lint(ShapedModel model) {
        return new Linter(LintConfig.defaults()).lint(model);
    }

    /** Findings of one rule on the model. */
    static List<Finding> findings(ShapedModel model, String id) {
        return lint(model).stream().filter(f -> f.id().equals(id)).toList();
    }

    /** Ids of all findings on the model. */
    static Set<String> ids(ShapedModel model) {
        return lint(model).stream().map(Finding::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Asserts that rule {@code id} reports exactly once, at {@code severity}, on {@code field}'s
     * annotation {@code annotation}, with a message containing every one of {@code words}.
     */
    static Finding assertFires(ShapedModel model, String id, Severity severity, String field,
                               String annotation, String... words) {
        List<Finding> found = findings(model, id);
        assertEquals(1, found.size(), () -> id + " should fire once, got " + lint(model));
        Finding finding = found.get(0);
        assertEquals(severity, finding.severity());
        assertEquals(field, finding.origin().field());
        assertEquals(annotation, finding.origin().annotation());
        for (String word : words) {
            assertTrue(finding.message().contains(word),
                    () -> "message should contain '" + word + "': " + finding.render());
        }
        assertTrue(finding.render().startsWith("[lamina:" + id + "] layer '"), finding::render);
        assertTrue(finding.message().contains("Fix: "), finding::render);
        return finding;
    }

    /**
     * Where each finding of rule {@code id} is placed: its field, and for a whole-network finding
     * {@code " <- Model.field"} of the declaration it is reported on too, e.g.
     * {@code "block1 <- Block.drop"}.
     */
    static List<String> where(ShapedModel model, String id) {
        return findings(model, id).stream().map(LintAssert::where).toList();
    }

    static String where(Finding finding) {
        Finding.Declaration declared = finding.declaredIn();
        return finding.origin().field() + (declared == null ? ""
                : " <- " + declared.modelSimpleName() + "." + declared.origin().field());
    }

    static void assertSilent(ShapedModel model, String id) {
        assertEquals(List.of(), findings(model, id), () -> id + " must not fire");
    }
}
