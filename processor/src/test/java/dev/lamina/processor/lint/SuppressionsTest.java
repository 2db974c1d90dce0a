package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.lint;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    /** DropoutBetweenConvs on drop1, DropoutBetweenConvs on drop2, ActivationOnLogits on logits. */
    private static TestModels.Builder model() {
        return TestModels.model(1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("drop1").dropout(0.3)
                .field("conv2").conv(32, 3).relu()
                .field("drop2").dropout(0.3)
                .field("conv3").conv(32, 3).relu()
                .field("gap").globalAvgPool()
                .field("logits").dense(10).relu();
    }

    private static List<String> fieldsWithFindings(TestModels.Builder builder) {
        return lint(builder.build()).stream().map(f -> f.id() + "@" + f.origin().field()).toList();
    }

    @Test
    void withoutSuppressionsEverythingIsReported() {
        assertEquals(List.of("DropoutBetweenConvs@drop1", "DropoutBetweenConvs@drop2", "ActivationOnLogits@logits"),
                fieldsWithFindings(model()));
    }

    @Test
    void oneRuleOnOneField() {
        assertEquals(List.of("DropoutBetweenConvs@drop2", "ActivationOnLogits@logits"),
                fieldsWithFindings(model().suppressField("drop1", "lamina:DropoutBetweenConvs", "unchecked")));
    }

    @Test
    void aSuppressionForAnotherRuleDoesNothing() {
        assertEquals(3, fieldsWithFindings(model().suppressField("drop1", "lamina:DoubleSoftmax")).size());
    }

    @Test
    void blanketOnAField() {
        assertEquals(List.of("DropoutBetweenConvs@drop1", "DropoutBetweenConvs@drop2"),
                fieldsWithFindings(model().suppressField("logits", "lamina")));
    }

    @Test
    void oneRuleOnTheClass() {
        assertEquals(List.of("ActivationOnLogits@logits"),
                fieldsWithFindings(model().suppressClass("lamina:DropoutBetweenConvs")));
    }

    @Test
    void blanketOnTheClass() {
        assertEquals(List.of(), fieldsWithFindings(model().suppressClass("lamina", "rawtypes")));
    }

    @Test
    void anUnknownIdOnAFieldIsAWarningOnThatFieldsSuppressWarnings() {
        List<Finding> findings = lint(model().suppressField("drop1", "lamina:DropoutBetweenConv").build());
        Finding unknown = findings.get(0);
        assertEquals("UnknownSuppression", unknown.id());
        assertEquals(Severity.WARNING, unknown.severity());
        assertEquals(Origin.ofOtherAnnotation("drop1", "SuppressWarnings", "value"), unknown.origin());
        assertTrue(unknown.message().startsWith(
                "@SuppressWarnings(\"lamina:DropoutBetweenConv\") on field 'drop1' names no Lamina lint"), unknown::render);
        assertTrue(unknown.message().contains("Did you mean 'DropoutBetweenConvs'?"), unknown::render);
        assertTrue(unknown.message().contains(String.join(", ", Rules.ids())), unknown::render);
        assertEquals("DropoutBetweenConvs", findings.get(1).id(), "the misspelt value suppresses nothing");
    }

    @Test
    void anUnknownIdOnTheClassIsPlacedOnTheClass() {
        List<Finding> findings = lint(model().suppressClass("lamina:Everything", "laminaa", "unchecked").build());
        assertEquals(List.of(Suppressions.originOf(null), Suppressions.originOf(null)),
                findings.stream().filter(f -> f.id().equals("UnknownSuppression")).map(Finding::origin).toList());
        assertTrue(findings.get(0).message().contains("on class TestModel"), findings.get(0)::render);
    }

    @Test
    void unknownSuppressionsAreNotReportedWhenLintingIsOff() {
        var model = model().suppressField("drop1", "lamina:Nope").build();
        List<Finding> problems = new java.util.ArrayList<>();
        var config = LintConfig.fromOptions(Map.of("lamina.lint", "off"), problems);
        assertEquals(List.of(), new Linter(config).lint(model));
    }
}
