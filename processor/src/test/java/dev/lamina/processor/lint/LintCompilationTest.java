package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every rule inside javac: a model that triggers it (id, kind, line and column of the offending
 * annotation, or of its {@code activation = } value, and the key words of the message; no other
 * Lamina diagnostic) and a near-miss that compiles without any Lamina diagnostic. For
 * {@code activation = Act.SOFTMAX} javac puts the position of the value on the dot of
 * {@code Act.SOFTMAX} (its position for a member select).
 */
class LintCompilationTest {

    /**
     * Compiles {@code source}, expects it to succeed with exactly one Lamina diagnostic: rule
     * {@code id} as {@code kind} at body line {@code bodyLine}, {@code column}, containing every word.
     */
    private static void assertFires(JavaFileObject source, Diagnostic.Kind kind, String id, int bodyLine,
                                    int column, String... words) {
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        int line = bodyLine + HEADER;
        assertLamina(compilation, kind + " " + line + ":" + column + " [lamina:" + id + "]");
        for (String word : words) {
            (kind == Diagnostic.Kind.WARNING ? assertThat(compilation).hadWarningContaining(word)
                    : assertThat(compilation).hadNoteContaining(word))
                    .inFile(source).onLine(line).atColumn(column);
        }
    }

    /** A model {@code test.<name>} with input (16) and these field lines (the first is body line 3). */
    private static JavaFileObject vector(String name, String... fields) {
        return withFields(name, "{16}", fields);
    }

    /** A model {@code test.<name>} with input (1, 28, 28) and these field lines (the first is body line 3). */
    private static JavaFileObject image(String name, String... fields) {
        return withFields(name, "{1, 28, 28}", fields);
    }

    private static JavaFileObject withFields(String name, String input, String... fields) {
        String[] body = new String[fields.length + 3];
        body[0] = "@Model(input = " + input + ")";
        body[1] = "public class " + name + " {";
        System.arraycopy(fields, 0, body, 2, fields.length);
        body[body.length - 1] = "}";
        return model(name, body);
    }

    /** Compiles {@code source} and expects success without any Lamina diagnostic. */
    private static void assertClean(JavaFileObject source) {
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertLamina(compilation);
    }

    @Test
    void dropoutBetweenConvs() {
        assertFires(image("Between",
                        "    @Conv(filters = 8) @ReLU Layer conv1;",
                        "    @Dropout(rate = 0.25) Layer drop;",
                        "    @Conv(filters = 8) @ReLU Layer conv2;",
                        "    @GlobalAvgPool Layer gap;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "DropoutBetweenConvs", 4, 5,
                "[lamina:DropoutBetweenConvs] layer 'drop' (@Dropout) drops single activations (rate 0.25)",
                "between 'conv1' (@Conv) and 'conv2' (@Conv)", "(8, 28, 28)", "@SpatialDropout");
    }

    @Test
    void spatialDropoutBetweenConvsIsClean() {
        assertClean(image("Spatial",
                "    @Conv(filters = 8) @ReLU Layer conv1;",
                "    @SpatialDropout(rate = 0.1) Layer drop;",
                "    @Conv(filters = 8) @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void dropoutOnFeatureMaps() {
        assertFires(image("OnMaps",
                        "    @Conv(filters = 8) @ReLU Layer conv;",
                        "    @MaxPool(2) Layer pool;",
                        "    @Dropout(rate = 0.25) Layer drop;",
                        "    @Flatten Layer flat;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "DropoutOnFeatureMaps", 5, 5,
                "[lamina:DropoutOnFeatureMaps] layer 'drop' (@Dropout)", "(8, 14, 14) feature map",
                "after 'conv' (@Conv), before 'logits' (@Dense)", "@SpatialDropout");
    }

    @Test
    void dropoutBetweenDenseLayersIsClean() {
        assertClean(image("DenseDrop",
                "    @Conv(filters = 8) @ReLU Layer conv;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dropout(rate = 0.5) Layer drop;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void dropoutBeforeBatchNorm() {
        assertFires(vector("BeforeBn",
                        "    @Dense(units = 64) @ReLU Layer fc1;",
                        "    @Dropout(rate = 0.3) Layer drop;",
                        "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc2;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "DropoutBeforeBatchNorm", 4, 5,
                "[lamina:DropoutBeforeBatchNorm] layer 'drop' (@Dropout) comes before batch norm",
                "variance shift", "after the last @BatchNorm");
    }

    @Test
    void dropoutAfterTheLastBatchNormIsClean() {
        assertClean(vector("AfterBn",
                "    @Dense(units = 64, bias = false) @BatchNorm @ReLU Layer fc1;",
                "    @Dropout(rate = 0.3) Layer drop;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void dropoutRateHigh() {
        assertFires(vector("HighRate",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dropout(rate = 0.7) Layer drop;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "DropoutRateHigh", 4, 5,
                "[lamina:DropoutRateHigh] layer 'drop' (@Dropout) has rate 0.7", "more units than it keeps",
                "@Dropout(rate = 0.5) or lower");
    }

    @Test
    void dropoutRateOfAHalfIsClean() {
        assertClean(vector("HalfRate",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dropout(rate = 0.5) Layer drop;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void inputDropoutHigh() {
        assertFires(vector("InputDrop",
                        "    @Dropout(rate = 0.5) Layer drop;",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "InputDropoutHigh", 3, 5,
                "[lamina:InputDropoutHigh] layer 'drop' (@Dropout) drops 0.5 of the model's input (16)",
                "@Dropout(rate = 0.2) or lower");
    }

    @Test
    void inputDropoutOfAFifthIsClean() {
        assertClean(vector("InputDropLow",
                "    @Dropout(rate = 0.2) Layer drop;",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void dropoutOnOutput() {
        assertFires(vector("OnOutput",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dense(units = 10) Layer logits;",
                        "    @Dropout(rate = 0.3) Layer drop;"),
                Diagnostic.Kind.WARNING, "DropoutOnOutput", 5, 5,
                "[lamina:DropoutOnOutput] layer 'drop' (@Dropout) comes after the last weighted layer 'logits'",
                "output logits (10)", "Fix: remove it");
    }

    @Test
    void dropoutBeforeTheLastLayerIsClean() {
        assertClean(vector("BeforeOutput",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dropout(rate = 0.3) Layer drop;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void consecutiveDropout() {
        assertFires(vector("TwoDrops",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dropout(rate = 0.5) Layer drop1;",
                        "    @Dropout(rate = 0.5) Layer drop2;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "ConsecutiveDropout", 5, 5,
                "[lamina:ConsecutiveDropout] layer 'drop2' (@Dropout) follows dropout 'drop1' (@Dropout)",
                "0.75 of the units are dropped", "keep 0.5 x 0.5 = 0.25");
    }

    @Test
    void dropoutsSeparatedByADenseLayerAreClean() {
        assertClean(vector("SeparateDrops",
                "    @Dense(units = 32) @ReLU Layer fc1;",
                "    @Dropout(rate = 0.5) Layer drop1;",
                "    @Dense(units = 32) @ReLU Layer fc2;",
                "    @Dropout(rate = 0.5) Layer drop2;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void doubleSoftmaxOnTheActivationAttribute() {
        assertFires(vector("Softmaxed",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dense(units = 10, activation = Act.SOFTMAX) Layer logits;"),
                Diagnostic.Kind.WARNING, "DoubleSoftmax", 4, 40,
                "[lamina:DoubleSoftmax] layer 'logits_softmax' (activation = SOFTMAX on 'logits')", "applies softmax to the output (10)",
                "remove the softmax");
    }

    @Test
    void doubleSoftmaxOnTheAnnotation() {
        assertFires(vector("Softmaxed2",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dense(units = 10) @Softmax Layer logits;"),
                Diagnostic.Kind.WARNING, "DoubleSoftmax", 4, 24, "[lamina:DoubleSoftmax] layer 'logits_softmax' (@Softmax on 'logits')");
    }

    @Test
    void plainLogitsAreClean() {
        assertClean(vector("Logits",
                "    @Dense(units = 32, activation = Act.RELU) Layer fc;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void activationOnLogits() {
        assertFires(vector("ReluLogits",
                        "    @Dense(units = 32) @ReLU Layer fc;",
                        "    @Dense(units = 10) @ReLU Layer logits;"),
                Diagnostic.Kind.WARNING, "ActivationOnLogits", 4, 24,
                "[lamina:ActivationOnLogits]", "layer 'logits_relu' (@ReLU on 'logits') is applied to the output logits (10)",
                "ReLU sets every negative logit to 0");
    }

    @Test
    void missingActivation() {
        assertFires(vector("Linear",
                        "    @Dense(units = 32) Layer fc;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "MissingActivation", 3, 5,
                "[lamina:MissingActivation] layer 'fc' (@Dense) is followed by 'logits' (@Dense) directly",
                "no expressive power", "add an activation after 'fc'");
    }

    @Test
    void batchNormThenReluIsClean() {
        assertClean(image("BnRelu",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void duplicateActivation() {
        assertFires(vector("TwoRelus",
                        "    @Dense(units = 32, activation = Act.RELU) @ReLU Layer fc;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.WARNING, "DuplicateActivation", 3, 47,
                "[lamina:DuplicateActivation]", "layer 'fc_relu_2' (@ReLU on 'fc') comes right after activation 'fc_relu' (activation = RELU on 'fc')",
                "ReLU(ReLU(x)) = ReLU(x)");
    }

    @Test
    void activationAttributeAloneIsClean() {
        assertClean(vector("OneRelu",
                "    @Dense(units = 32, activation = Act.RELU) Layer fc;",
                "    @Dense(units = 10) Layer logits;"));
    }

    @Test
    void batchNormAfterActivationIsANote() {
        assertFires(image("ReluBn",
                        "    @Conv(filters = 8) @ReLU @BatchNorm Layer conv;",
                        "    @GlobalAvgPool Layer gap;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.NOTE, "BatchNormAfterActivation", 3, 30,
                "[lamina:BatchNormAfterActivation]", "layer 'conv_bn' (@BatchNorm on 'conv') normalizes the output of activation 'conv_relu'",
                "Ioffe & Szegedy (2015)", "(batch norm first)");
    }

    @Test
    void redundantBiasIsANote() {
        assertFires(image("Biased",
                        "    @Conv(filters = 8) @BatchNorm @ReLU Layer conv;",
                        "    @GlobalAvgPool Layer gap;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.NOTE, "RedundantBias", 3, 5,
                "[lamina:RedundantBias] layer 'conv' (@Conv) has a bias (8 parameters)",
                "mean subtraction cancels it", "@Conv(..., bias = false)");
    }

    @Test
    void largeDenseHeadIsANote() {
        assertFires(image("BigHead",
                        "    @Conv(filters = 32) @ReLU Layer conv;",
                        "    @Flatten Layer flat;",
                        "    @Dense(units = 128) @ReLU Layer fc;",
                        "    @Dense(units = 10) Layer logits;"),
                Diagnostic.Kind.NOTE, "LargeDenseHead", 5, 5,
                "[lamina:LargeDenseHead] layer 'fc' (@Dense) takes the 25,088 features",
                "3,211,264 parameters (25,088 x 128)", "replace @Flatten with @GlobalAvgPool");
    }

    @Test
    void globalAvgPoolHeadIsClean() {
        assertClean(image("SmallHead",
                "    @Conv(filters = 32) @ReLU Layer conv;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 128) @ReLU Layer fc;",
                "    @Dense(units = 10) Layer logits;"));
    }
}
