package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void theCatalogueHasTheIssuesIdsAndDefaultSeverities() {
        Map<String, Severity> expected = new LinkedHashMap<>();
        for (String id : new String[] {"DropoutBetweenConvs", "DropoutOnFeatureMaps", "DropoutBeforeBatchNorm",
                "DropoutRateHigh", "InputDropoutHigh", "DropoutOnOutput", "ConsecutiveDropout", "DoubleSoftmax",
                "ActivationOnLogits", "MissingActivation", "DuplicateActivation"}) {
            expected.put(id, Severity.WARNING);
        }
        expected.put("BatchNormAfterActivation", Severity.NOTE);
        expected.put("RedundantBias", Severity.NOTE);
        expected.put("LargeDenseHead", Severity.NOTE);
        expected.put("SingleUnitSoftmaxOutput", Severity.ERROR);
        // issue 22: the output checked against @Model(task)
        expected.put("SoftmaxBeforeSigmoidLoss", Severity.ERROR);
        expected.put("BoundedRegressionOutput", Severity.WARNING);
        expected.put("MultiUnitBinaryOutput", Severity.ERROR);
        expected.put("TaskOutputNotVector", Severity.ERROR);
        expected.put("ChannelsLastInput", Severity.WARNING);
        expected.put("LinearConvBeforePool", Severity.NOTE);
        Map<String, Severity> actual = new LinkedHashMap<>();
        Rules.all().forEach(rule -> actual.put(rule.id(), rule.defaultSeverity()));
        assertEquals(expected, actual);
    }

    /** The metadata is the class's @LintRule annotation, so a rule without one cannot be built. */
    @Test
    void aRuleWithoutLintRuleMetadataCannotBeBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Unannotated::new);
        assertTrue(e.getMessage().contains("Unannotated lacks @LintRule"), e.getMessage());
    }

    private static final class Unannotated extends Rule {
        @Override
        public java.util.List<dev.lamina.processor.diag.Finding> check(LayerSequence layers) {
            return java.util.List.of();
        }
    }

    @Test
    void everyRuleIsNamedAfterItsClassAndDescribesItself() {
        for (Rule rule : Rules.all()) {
            assertEquals(rule.getClass().getSimpleName(), rule.id());
            assertEquals(rule.getClass().getAnnotation(LintRule.class).severity(), rule.defaultSeverity());
            assertFalse(rule.summary().isBlank());
            assertTrue(rule.help().contains("Fix: "), rule.id() + "'s help should say the fix");
        }
    }

    /** docs/lints.md has one section per rule, headed by the id, stating the default severity. */
    @Test
    void everyRuleIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "lints.md"));
        for (Rule rule : Rules.all()) {
            Matcher section = Pattern.compile("(?m)^## " + rule.id() + "$").matcher(docs);
            assertTrue(section.find(), "docs/lints.md lacks a section '## " + rule.id() + "'");
            int end = docs.indexOf("\n## ", section.end());
            String body = docs.substring(section.end(), end < 0 ? docs.length() : end);
            assertTrue(body.contains("Default severity: **" + rule.defaultSeverity() + "**"),
                    rule.id() + "'s section should state its default severity");
            assertTrue(body.contains("@SuppressWarnings(\"lamina:" + rule.id() + "\")"),
                    rule.id() + "'s section should say how to suppress it");
        }
    }
}
