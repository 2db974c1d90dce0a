package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Model(task)} in javac (issue 22): a task on a building block is the error
 * {@code TaskOnBlock}, whose Fix (moving the task to the network) compiles clean; a network's task
 * is checked by the task lints, and a sub-model that declares a task is a whole network where a
 * field uses it. Source line N of a model body is line N + 4 of the file.
 */
class TaskDeclarationTest {

    private static final int HEADER = 4;

    private static List<String> lamina(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.contains("[lamina:"))
                .toList();
    }

    @Test
    void aTaskOnABlockIsAnErrorOnTheTaskValue() throws IOException {
        JavaFileObject block = Sources.model("Gate",
                "@Model(input = {16}, role = Model.Role.BLOCK, task = Model.Task.BINARY)",
                "public class Gate {",
                "    @Dense(units = 1) Layer out;",
                "}");
        Compilation compilation = Sources.compile(block);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:TaskOnBlock] model 'Gate' (@Model): task = Model.Task.BINARY"
                        + " on a building block (role = Model.Role.BLOCK), which has no task of its own.")
                .inFile(block).onLine(1 + HEADER).atColumn(64);
        assertThat(compilation).hadErrorContaining("Fix: remove task = Model.Task.BINARY from Gate, and declare it on"
                + " the @Model of the network that uses Gate.");
        assertEquals(Set.of(), Sources.generatedFileNames(block), "no Net for a model with an error");
    }

    /** The Fix followed: the block without a task, the network that uses it with the task; no diagnostic. */
    @Test
    void theFixMovesTheTaskToTheNetworkAndCompilesClean() {
        JavaFileObject block = Sources.model("Gate",
                "@Model(input = {16}, role = Model.Role.BLOCK)",
                "public class Gate {",
                "    @Dense(units = 1) Layer out;",
                "}");
        JavaFileObject net = Sources.model("Detector",
                "@Model(input = {16}, task = Model.Task.BINARY)",
                "public class Detector {",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    Gate gate;",
                "}");
        Compilation compilation = Sources.compile(block, net);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of(), lamina(compilation));
    }

    @Test
    void aTaskOnABodyOrAResidualMainPathIsAnErrorThereAndOnTheFieldThatUsesIt() {
        JavaFileObject body = Sources.model("Tagger",
                "@Model(task = Model.Task.MULTI_LABEL)",
                "public class Tagger {",
                "    @Dense(units = 5) Layer tags;",
                "}");
        JavaFileObject path = Sources.model("Path",
                "@Model(input = {16}, role = Model.Role.RESIDUAL_BLOCK, task = Model.Task.REGRESSION)",
                "public class Path {",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "}");
        JavaFileObject net = Sources.model("Net",
                "@Model(input = {16})",
                "public class Net {",
                "    @Residual Path res;",
                "    Tagger tagger;",
                "}");
        Compilation compilation = Sources.compile(body, path, net);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[lamina:TaskOnBlock] model 'Tagger' (@Model): task ="
                + " Model.Task.MULTI_LABEL on a building block (a model without input takes it from each model that"
                + " uses it)").inFile(body).onLine(1 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:TaskOnBlock] model 'Path' (@Model): task ="
                + " Model.Task.REGRESSION on the main path of a @Residual block (role = Model.Role.RESIDUAL_BLOCK)")
                .inFile(path).onLine(1 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'tagger'").inFile(net).onLine(4 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'res'").inFile(net).onLine(3 + HEADER);
    }

    /** Near-misses: the default written out on a block, and every task on a network whose output fits it. */
    @Test
    void theDefaultOnABlockAndFittingOutputsOnNetworksCompileClean() {
        JavaFileObject block = Sources.model("Stem",
                "@Model(input = {16}, role = Model.Role.BLOCK, task = Model.Task.MULTI_CLASS)",
                "public class Stem {",
                "    @Dense(units = 8) @ReLU Layer fc;",
                "}");
        JavaFileObject binary = Sources.model("Yes", "@Model(input = {16}, task = Model.Task.BINARY)",
                "public class Yes {", "    Stem stem;", "    @Dense(units = 1) Layer logit;", "}");
        JavaFileObject tags = Sources.model("Tags", "@Model(input = {16}, task = Model.Task.MULTI_LABEL)",
                "public class Tags {", "    Stem stem;", "    @Dense(units = 4) Layer logits;", "}");
        JavaFileObject values = Sources.model("Values", "@Model(input = {16}, task = Model.Task.REGRESSION)",
                "public class Values {", "    Stem stem;", "    @Dense(units = 2) @LeakyReLU Layer values;", "}");
        Compilation compilation = Sources.compile(block, binary, tags, values);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of(), lamina(compilation));
    }

    /**
     * A model with input, no role and a task is a whole network also where a field uses it: its own
     * task lint stays on its class, and the field gets no SubModelRoleUndeclared (whose Fix, a block
     * role, would then be TaskOnBlock).
     */
    @Test
    void aSubModelThatDeclaresATaskIsNotToldToBeABlock() {
        JavaFileObject head = Sources.model("Angle",
                "@Model(input = {16}, task = Model.Task.REGRESSION)",
                "public class Angle {",
                "    @Dense(units = 8) @Tanh Layer value;",
                "}");
        JavaFileObject net = Sources.model("Classes",
                "@Model(input = {16})",
                "public class Classes {",
                "    Angle angle;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        Compilation compilation = Sources.compile(head, net); // fails only for -Werror (the warning below)
        List<String> found = lamina(compilation);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("[lamina:BoundedRegressionOutput] layer 'value_tanh' (@Tanh on 'value')"),
                found::toString);
        assertThat(compilation).hadWarningContaining("[lamina:BoundedRegressionOutput]").inFile(head)
                .onLine(3 + HEADER);
        assertTrue(compilation.diagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
                && d.getMessage(Locale.ROOT).contains("[lamina:")));
    }
}
