package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Fix closure where one layer gets findings of several rules (the cases the issue names): every
 * message's Fix, applied as written, gives a model with no Lamina diagnostic at all. The one-rule
 * triggers are checked for every rule by {@link LintCompilationTest}.
 */
class CombinedFixClosureTest {

    /** The Fix of the finding of rule {@code id} (the text after "Fix: "). */
    private static String fixOf(Compilation compilation, String id) {
        String message = compilation.diagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.contains("[lamina:" + id + "]")).findFirst().orElseThrow();
        return message.substring(message.indexOf("Fix: "));
    }

    private static void assertClean(JavaFileObject fixed) {
        Compilation compilation = compile(fixed);
        assertThat(compilation).succeeded();
        assertLamina(compilation);
    }

    /**
     * Dropout between the convs of a batch-norm CNN: both rules on it give one Fix (spatial dropout
     * would trade one warning for another, and "remove it" against "move it" would disagree).
     */
    @Test
    void dropoutInABatchNormCnnIsToldOnceToMoveAfterTheLastBatchNorm() {
        Compilation compilation = compile(JavacCase.image("BnCnn",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;"));
        assertLamina(compilation, "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutBetweenConvs]",
                "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutBeforeBatchNorm]");
        String between = fixOf(compilation, "DropoutBetweenConvs");
        String before = fixOf(compilation, "DropoutBeforeBatchNorm");
        assertEquals(before, between);
        assertTrue(before.startsWith("Fix: move it after the last batch norm, just before 'logits' (@Dense)"), before);
        assertClean(JavacCase.image("BnCnn",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "    @Dense(units = 10) Layer logits;"));
    }

    /** The same with a dropout already before the logits: moving it there would compound the two, so it goes. */
    @Test
    void aDropoutBeforeABatchNormIsRemovedWhenTheSlotAfterTheLastBatchNormIsTaken() {
        Compilation compilation = compile(JavacCase.image("BnCnnTaken",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dropout(rate = 0.5) Layer drop2;",
                "    @Dense(units = 10) Layer logits;"));
        String before = fixOf(compilation, "DropoutBeforeBatchNorm");
        assertEquals(before, fixOf(compilation, "DropoutBetweenConvs"));
        assertTrue(before.startsWith("Fix: remove it; the batch norm already regularizes"), before);
        assertTrue(before.contains("'drop2' (@Dropout) already drops units after the last batch norm"), before);
        assertClean(JavacCase.image("BnCnnTaken",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dropout(rate = 0.5) Layer drop2;",
                "    @Dense(units = 10) Layer logits;"));
    }

    /** Keras's binary classifier, Dense(1, sigmoid): both messages lead to the same clean model, the binary task. */
    @Test
    void aOneUnitSigmoidOutputIsToldToDeclareTheBinaryTask() {
        Compilation compilation = compile(JavacCase.vector("Binary",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    @Dense(units = 1) @Sigmoid Layer out;"));
        assertThat(compilation).failed();
        for (String id : new String[] {"SingleUnitSoftmaxOutput", "ActivationOnLogits"}) {
            assertTrue(fixOf(compilation, id).contains("declare the binary task, @Model(..., task = Model.Task.BINARY)"),
                    id);
        }
        assertTrue(fixOf(compilation, "ActivationOnLogits").startsWith("Fix: remove it and declare the binary task"));
        assertClean(JavacCase.withFields("Binary", "{16}, task = Model.Task.BINARY",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    @Dense(units = 1) Layer out;"));
    }

    /** A one-unit softmax: removing the softmax alone would leave a model that cannot learn. */
    @Test
    void aOneUnitSoftmaxIsNotFixedByRemovingTheSoftmaxAlone() {
        Compilation compilation = compile(JavacCase.vector("OneSoftmax",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    @Dense(units = 1) @Softmax Layer out;"));
        assertTrue(fixOf(compilation, "DoubleSoftmax").startsWith("Fix: remove the softmax and declare the binary task"));
        Compilation softmaxRemoved = compile(JavacCase.vector("OneSoftmax",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    @Dense(units = 1) Layer out;"));
        assertThat(softmaxRemoved).hadErrorContaining("[lamina:SingleUnitSoftmaxOutput]");
        assertClean(JavacCase.withFields("OneSoftmax", "{16}, task = Model.Task.BINARY",
                "    @Dense(units = 16) @ReLU Layer fc;",
                "    @Dense(units = 1) Layer out;"));
    }

    /** A dropout at the end of a residual block before the next block's batch norm: removing it from the block. */
    @Test
    void theWholeNetworkFindingsFixIsClean() {
        String[] clean = {
            "@Model(input = {16, 8, 8})",
            "public class Block {",
            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer c1;",
            "}"};
        JavaFileObject net = Javac.model("Net",
                "@Model(input = {16, 8, 8})",
                "public class Net {",
                "    @Residual Block block1;",
                "    @Residual Block block2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        Compilation compilation = compile(Javac.model("Block", "@Model(input = {16, 8, 8})", "public class Block {",
                "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer c1;",
                "    @SpatialDropout(rate = 0.1) Layer drop;", "}"), net);
        assertTrue(fixOf(compilation, "DropoutBeforeBatchNorm").startsWith("Fix: remove it from Block"));
        Compilation fixed = compile(Javac.model("Block", clean), net);
        assertThat(fixed).succeeded();
        assertLamina(fixed);
    }

    private static JavaFileObject dropoutFirst(double rate) {
        return Javac.model("Block", "@Model(input = {64}, role = Model.Role.BLOCK)", "public class Block {",
                "    @Dropout(rate = " + rate + ") Layer drop;",
                "    @Dense(units = 64) @ReLU Layer fc;", "}");
    }

    /**
     * A block that starts with a dropout: input dropout only where a model uses it first, reported
     * there and on the block's dropout; following the Fix in the block leaves no finding.
     */
    @Test
    void aBlockStartingWithADropoutIsInputDropoutOnlyWhereItComesFirst() {
        JavaFileObject middle = Javac.model("Net", "@Model(input = {64})", "public class Net {",
                "    @Dense(units = 64) @ReLU Layer fc;",
                "    Block block;",
                "    @Dense(units = 10) Layer logits;", "}");
        Compilation used = compile(dropoutFirst(0.3), middle);
        assertThat(used).succeeded();
        assertLamina(used);
        JavaFileObject first = Javac.model("Net", "@Model(input = {64})", "public class Net {",
                "    Block block;",
                "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject block = dropoutFirst(0.3);
        Compilation compilation = compile(block, first);
        assertThat(compilation).succeeded();
        assertEquals(2, Javac.lamina(compilation).size(), () -> Javac.lamina(compilation).toString());
        assertThat(compilation).hadWarningContaining("[lamina:InputDropoutHigh] layer 'drop' (@Dropout) of Block in sub-model 'block'")
                .inFile(first).onLine(HEADER + 3);
        assertThat(compilation).hadWarningContaining("[lamina:InputDropoutHigh]").inFile(block).onLine(HEADER + 3);
        assertTrue(fixOf(compilation, "InputDropoutHigh").startsWith("Fix: @Dropout(rate = 0.2) or lower in Block."));
        Compilation fixed = compile(dropoutFirst(0.2), first);
        assertThat(fixed).succeeded();
        assertLamina(fixed);
    }

    private static JavaFileObject features(String end) {
        return Javac.model("Features", "@Model(input = {1, 28, 28}, role = Model.Role.BLOCK)", "public class Features {",
                "    @Conv(filters = 64) @ReLU Layer c;",
                "    " + end + " Layer end;", "}");
    }

    /**
     * A @Flatten that ends a block before the outer model's @Dense: the note, on the dense and on
     * the flatten its Fix replaces, and that Fix in the block, clean.
     */
    @Test
    void aFlattenEndingABlockBeforeALargeDenseIsToldToBecomeGlobalAveragePooling() {
        JavaFileObject net = Javac.model("Net", "@Model(input = {1, 28, 28})", "public class Net {",
                "    Features features;",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject flatten = features("@Flatten");
        Compilation compilation = compile(flatten, net);
        assertThat(compilation).succeeded();
        assertEquals(2, Javac.lamina(compilation).size(), () -> Javac.lamina(compilation).toString());
        assertThat(compilation).hadNoteContaining("[lamina:LargeDenseHead] layer 'fc' (@Dense)").inFile(net).onLine(HEADER + 4);
        assertThat(compilation).hadNoteContaining("[lamina:LargeDenseHead] layer 'fc' (@Dense)").inFile(flatten).onLine(HEADER + 4);
        assertTrue(fixOf(compilation, "LargeDenseHead").startsWith("Fix: replace @Flatten in Features with @GlobalAvgPool"));
        Compilation fixed = compile(features("@GlobalAvgPool"), net);
        assertThat(fixed).succeeded();
        assertLamina(fixed);
    }

    /** A conv ending one block before a block that starts with batch norm: its bias goes, in its own class. */
    @Test
    void aBiasBeforeTheNextBlocksBatchNormIsRemovedInItsBlock() {
        JavaFileObject pre = Javac.model("Pre", "@Model(input = {8, 28, 28})", "public class Pre {",
                "    @BatchNorm @ReLU Layer pre;",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer c;", "}");
        JavaFileObject net = Javac.model("Net", "@Model(input = {1, 28, 28})", "public class Net {",
                "    Stem stem;",
                "    Pre block;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = compile(stem("@Conv(filters = 8)"), pre, net);
        assertThat(compilation).succeeded();
        assertEquals(2, Javac.lamina(compilation).size(), () -> Javac.lamina(compilation).toString());
        assertThat(compilation).hadNoteContaining("[lamina:RedundantBias] layer 'c' (@Conv) of Stem in sub-model 'stem'")
                .inFile(net).onLine(HEADER + 3);
        assertTrue(fixOf(compilation, "RedundantBias").startsWith("Fix: @Conv(..., bias = false) in Stem."));
        Compilation fixed = compile(stem("@Conv(filters = 8, bias = false)"), pre, net);
        assertThat(fixed).succeeded();
        assertLamina(fixed);
    }

    private static JavaFileObject stem(String conv) {
        return Javac.model("Stem", "@Model(input = {1, 28, 28})", "public class Stem {", "    " + conv + " Layer c;", "}");
    }
}
