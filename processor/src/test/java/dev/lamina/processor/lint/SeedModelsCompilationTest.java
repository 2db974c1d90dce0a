package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The seed articles' models written in the DSL and compiled with the processor: the warnings a
 * user of those models sees in {@code mvn compile}, on the exact annotations.
 */
class SeedModelsCompilationTest {

    /**
     * Seed article 001's Keras MNIST CNN: Conv2D(32, 3, relu), Conv2D(64, 3, relu),
     * MaxPooling2D(2), Dropout(0.25), Flatten, Dense(128, relu), Dropout(0.5),
     * Dense(10, softmax); Keras convolutions default to VALID padding. Its findings are on lines
     * 10, 12 and 14 of the file.
     */
    static JavaFileObject seed001Cnn() {
        return model("Seed001Cnn", "@Model(input = {1, 28, 28})", "public class Seed001Cnn {",
                "    @Conv(filters = 32, kernel = 3, padding = Padding.VALID, activation = Act.RELU) Layer conv1;",
                "    @Conv(filters = 64, kernel = 3, padding = Padding.VALID, activation = Act.RELU) Layer conv2;",
                "    @MaxPool(2) Layer pool1;",
                "    @Dropout(rate = 0.25) Layer drop1;",
                "    @Flatten Layer flatten;",
                "    @Dense(units = 128, activation = Act.RELU) Layer fc1;",
                "    @Dropout(rate = 0.5) Layer drop2;",
                "    @Dense(units = 10, activation = Act.SOFTMAX) Layer logits;", "}");
    }

    @Test
    void seed001KerasCnnGetsExactlyItsThreeFindings() {
        JavaFileObject source = seed001Cnn();
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 10:5 [lamina:DropoutOnFeatureMaps]", "NOTE 12:5 [lamina:LargeDenseHead]",
                "WARNING 14:40 [lamina:DoubleSoftmax]");
        assertThat(compilation).hadWarningContaining("[lamina:DropoutOnFeatureMaps] layer 'drop1' (@Dropout)"
                + " drops single activations (rate 0.25) of a (64, 12, 12) feature map").inFile(source).onLine(10);
        assertThat(compilation).hadNoteContaining("1,179,648 parameters (9,216 x 128)").inFile(source).onLine(12);
        assertThat(compilation).hadWarningContaining("With 10 classes no class can then get more than 23%")
                .inFile(source).onLine(14).atColumn(40);
        assertThat(compilation).generatedSourceFile("test.Seed001CnnNet");
    }

    /**
     * Seed article 000's experiment: the same CNN with element-wise dropout between its
     * convolutions at rates 0.1 to 0.5, all five in one compilation. Each gets exactly two
     * DropoutBetweenConvs warnings (one per dropout) and never a rate warning.
     */
    @Test
    void seed000FiveDropoutBetweenConvsCnns() {
        JavaFileObject[] sources = new JavaFileObject[5];
        for (int i = 0; i < 5; i++) {
            String rate = String.format(Locale.ROOT, "0.%d", i + 1);
            String name = "Seed000Rate" + (i + 1);
            sources[i] = model(name, "@Model(input = {1, 28, 28})", "public class " + name + " {",
                    "    @Conv(filters = 32) @ReLU Layer conv1;",
                    "    @Dropout(rate = " + rate + ") Layer drop1;",
                    "    @Conv(filters = 64) @ReLU Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = " + rate + ") Layer drop2;",
                    "    @Conv(filters = 128) @ReLU Layer conv3;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;", "}");
        }
        Compilation compilation = compile(sources);
        assertThat(compilation).succeeded();
        String[] expected = new String[10];
        for (int i = 0; i < 10; i++) {
            expected[i] = "WARNING " + (i % 2 == 0 ? 8 : 11) + ":5 [lamina:DropoutBetweenConvs]";
        }
        assertLamina(compilation, expected);
        for (int i = 0; i < 5; i++) {
            String rate = String.format(Locale.ROOT, "(rate 0.%d)", i + 1);
            assertThat(compilation).hadWarningContaining("layer 'drop1' (@Dropout) drops single activations " + rate
                    + " between 'conv1' (@Conv) and 'conv2' (@Conv) on a (32, 28, 28) feature map")
                    .inFile(sources[i]).onLine(8).atColumn(5);
            assertThat(compilation).hadWarningContaining("layer 'drop2' (@Dropout) drops single activations " + rate
                    + " between 'conv2' (@Conv) and 'conv3' (@Conv) on a (64, 14, 14) feature map")
                    .inFile(sources[i]).onLine(11).atColumn(5);
        }
    }
}
