package dev.lamina.processor.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.lamina.processor.LaminaProcessor;
import dev.lamina.processor.Sources;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Layer annotations in places that are never layers (issue 15, failure 4): enum constants used to
 * give a Net with 0 parameters and no word; fields of classes without {@code @Model} (including
 * nested classes of a model) were ignored silently. Each is now an error on its annotation.
 */
class LostLayerTest {

    private static final int HEADER = 4;

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new LaminaProcessor()).compile(sources);
    }

    @Test
    void layersOnEnumConstantsAreStaticLayerFields() throws IOException {
        JavaFileObject source = Sources.model("Bad", "@Model(input = {4})", "public enum Bad {",
                "    @Dense(units = 8) @ReLU HIDDEN,", "    @Dense(units = 2) OUT", "}");
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[lamina:StaticLayerField] layer 'HIDDEN' (@Dense): it is an enum"
                + " constant").inFile(source).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:StaticLayerField] layer 'OUT'").inFile(source)
                .onLine(4 + HEADER);
        assertThat(Sources.generatedFileNames(source)).isEmpty();
    }

    @Test
    void layersInAClassWithoutModelAreErrors() {
        JavaFileObject source = Sources.model("Plain", "public class Plain {",
                "    @Conv(filters = 8) @ReLU Layer conv;", "    Layer unannotated;", "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:LayerOutsideModel] layer 'conv' (@Conv): the class "
                + "test.Plain that declares this field has no @Model").inFile(source).onLine(2 + HEADER);
    }

    @Test
    void layersInANestedClassOfAModelAreErrorsAndTheModelKeepsItsOwn() {
        JavaFileObject source = Sources.model("Outer", "@Model(input = {4})", "public class Outer {",
                "    @Dense(units = 2) Layer out;",
                "    static class Helper {", "        @ReLU Layer lost;", "    }", "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:LayerOutsideModel] layer 'lost' (@ReLU): the class "
                + "test.Outer.Helper").inFile(source).onLine(5 + HEADER);
    }

    /**
     * The documented limit (docs/dsl.md): javac hands processors no local or anonymous class, so a
     * {@code @Model} local class gets neither a Net nor a diagnostic. If this starts failing, javac
     * changed and local models can be diagnosed.
     */
    @Test
    void aLocalModelClassIsInvisibleToProcessors() throws IOException {
        JavaFileObject source = Sources.model("Host", "public class Host {", "    void m() {",
                "        @Model(input = {4}) class Local { @Dense(units = 2) Layer out; }", "    }", "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertThat(Sources.generatedFileNames(source)).isEmpty();
    }
}
