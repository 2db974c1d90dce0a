package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Whether a {@code @Model} with a vector output is a classifier or a building block follows from
 * its own declaration ({@code @Model(role)}), never from the other models of the compilation: the
 * same source gets the same diagnostics and the same Net compiled alone or with a model that uses
 * it, also under {@code -Alamina.lint=error}. (Used twice in a row, a block's trailing dropout
 * would meet the next copy's batch norm: that is DropoutBeforeBatchNorm across the boundary, see
 * WholeNetworkTest.)
 */
class SubModelLintCompilationTest {

    /** An MLP building block ending in an activation and a dropout, as blocks do; {@code role} "" for none. */
    private static JavaFileObject block(String role) {
        return model("Block",
                "@Model(input = {64}" + role + ")",
                "public class Block {",
                "    @Dense(units = 64, bias = false) @BatchNorm @ReLU Layer fc;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "}");
    }

    private static JavaFileObject user() {
        return model("Mlp",
                "@Model(input = {64})",
                "public class Mlp {",
                "    Block block1;",
                "    @Dense(units = 10) Layer logits;",
                "}");
    }

    private static String blockNet(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", "BlockNet.java").orElseThrow()
                .getCharContent(true).toString();
    }

    @Test
    void aDeclaredBlockGetsTheSameDiagnosticsAndNetAloneAndWithItsUser() throws IOException {
        JavaFileObject block = block(", role = Model.Role.BLOCK");
        Compilation alone = compile(List.of("-Alamina.lint=error"), block);
        Compilation withUser = compile(List.of("-Alamina.lint=error"), block, user());
        assertThat(alone).succeeded();
        assertThat(withUser).succeeded();
        assertLamina(alone);
        assertLamina(withUser);
        assertEquals(blockNet(alone), blockNet(withUser));
        assertThat(withUser).generatedSourceFile("test.MlpNet");
    }

    @Test
    void anUndeclaredVectorModelIsAClassifierAloneAndWithItsUserWhoIsToldToDeclareTheRole() {
        String activation = "WARNING " + (HEADER + 3) + ":49 [lamina:ActivationOnLogits]";
        String dropout = "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutOnOutput]";
        Compilation alone = compile(block(""));
        assertThat(alone).succeeded();
        assertLamina(alone, activation, dropout);
        JavaFileObject user = user();
        Compilation withUser = compile(block(""), user);
        assertThat(withUser).succeeded();
        assertLamina(withUser, activation, dropout, "WARNING " + (HEADER + 3) + ":11 [lamina:SubModelRoleUndeclared]");
        assertThat(withUser).hadWarningContaining("[lamina:SubModelRoleUndeclared] layer 'block1' (field of type "
                + "Block): sub-model Block declares @Model(input = {64}) and no role").inFile(user).onLine(HEADER + 3);
        assertThat(withUser).hadWarningContaining("Fix: declare @Model(input = {64}, role = Model.Role.BLOCK) on Block.");
        Compilation fixed = compile(List.of("-Alamina.lint=error"), block(", role = Model.Role.BLOCK"), user());
        assertLamina(fixed);
    }
}
