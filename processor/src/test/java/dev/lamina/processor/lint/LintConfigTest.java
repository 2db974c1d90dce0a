package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.PaddingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LintConfigTest {

    /** DropoutBetweenConvs (WARNING) on drop1 and RedundantBias (NOTE) on conv1, nothing else. */
    private static final ShapedModel MODEL = model(1, 28, 28)
            .field("conv1").conv(32, 3).bn().relu()
            .field("drop1").dropout(0.3)
            .field("conv2").conv(64, 3, PaddingMode.SAME, false).relu()
            .gapHead()
            .build();

    private static Map<String, Severity> lint(Map<String, String> options) {
        List<Finding> problems = new ArrayList<>();
        LintConfig config = LintConfig.fromOptions(options, problems);
        assertEquals(List.of(), problems);
        return new Linter(config).lint(MODEL).stream()
                .collect(Collectors.toMap(Finding::id, Finding::severity));
    }

    @Test
    void defaultsAndWarnKeepEachRulesDefaultSeverity() {
        Map<String, Severity> expected = Map.of(
                "DropoutBetweenConvs", Severity.WARNING, "RedundantBias", Severity.NOTE);
        assertEquals(expected, lint(Map.of()));
        assertEquals(expected, lint(Map.of("lamina.lint", "warn")));
    }

    @Test
    void errorTurnsWarningsIntoErrorsAndLeavesNotes() {
        assertEquals(Map.of("DropoutBetweenConvs", Severity.ERROR, "RedundantBias", Severity.NOTE),
                lint(Map.of("lamina.lint", "ERROR")));
    }

    @Test
    void offSilencesEverything() {
        assertEquals(Map.of(), lint(Map.of("lamina.lint", "off")));
    }

    @Test
    void aPerRuleOptionWinsOverTheGlobalOne() {
        assertEquals(Map.of("RedundantBias", Severity.ERROR),
                lint(Map.of("lamina.lint", "off", "lamina.lint.RedundantBias", "error")));
        assertEquals(Map.of("DropoutBetweenConvs", Severity.NOTE),
                lint(Map.of("lamina.lint.DropoutBetweenConvs", " Note ", "lamina.lint.RedundantBias", "off")));
    }

    @Test
    void otherOptionsAreNotRead() {
        List<Finding> problems = new ArrayList<>();
        LintConfig.fromOptions(Map.of("lamina.sarif", "out.sarif", "lamina.summary", "true"), problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownIdIsAProblemNamingTheValidIdsAndTheCloseMatch() {
        List<Finding> problems = new ArrayList<>();
        LintConfig config = LintConfig.fromOptions(Map.of("lamina.lint.dropoutBetweenConvs", "off"), problems);
        assertEquals(1, problems.size());
        String problem = problems.get(0).render();
        assertTrue(problem.startsWith("[lamina:UnknownOption] -Alamina.lint.dropoutBetweenConvs=off:"), problem);
        assertTrue(problem.contains("Did you mean 'DropoutBetweenConvs'?"), problem);
        assertTrue(problem.contains("Valid ids: " + String.join(", ", Rules.ids())), problem);
        assertEquals(Severity.WARNING, config.severityOf(Rules.byId("DropoutBetweenConvs").orElseThrow()),
                "the bad entry is ignored");
    }

    @Test
    void anUnknownValueIsAProblemNamingTheValidValues() {
        List<Finding> problems = new ArrayList<>();
        LintConfig config = LintConfig.fromOptions(
                Map.of("lamina.lint", "note", "lamina.lint.DoubleSoftmax", "loud"), problems);
        assertEquals(List.of(
                "[lamina:UnknownOption] -Alamina.lint=note: 'note' is not a valid value, so the option is"
                        + " ignored. Valid values: warn, error, off.",
                "[lamina:UnknownOption] -Alamina.lint.DoubleSoftmax=loud: 'loud' is not a valid value, so"
                        + " the option is ignored. Valid values: warn, error, note, off."), problems.stream().map(Finding::render).toList());
        assertEquals(LintConfig.defaults().toString(), config.toString());
    }

    @Test
    void anOptionWithoutAValueIsAnUnknownValue() {
        List<Finding> problems = new ArrayList<>();
        Map<String, String> options = new java.util.HashMap<>();
        options.put("lamina.lint", null);
        LintConfig.fromOptions(options, problems);
        assertEquals(List.of("[lamina:UnknownOption] -Alamina.lint=: '' is not a valid value, so the option is"
                + " ignored. Valid values: warn, error, off."), problems.stream().map(Finding::render).toList());
    }

    @Test
    void supportedOptionsListTheGlobalAndEveryRuleKey() {
        assertTrue(LintConfig.supportedOptions().contains("lamina.lint"));
        assertTrue(LintConfig.supportedOptions().contains("lamina.lint.LargeDenseHead"));
        assertEquals(Rules.all().size() + 1, LintConfig.supportedOptions().size());
    }
}
