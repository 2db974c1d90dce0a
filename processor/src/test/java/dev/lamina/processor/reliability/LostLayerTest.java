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
     * Issue 21, failure 5: a model's layers are its own class's fields, so a model that extends a
     * class declaring layers would silently lose them. It is the error {@code LayersInSuperclass}
     * on the model, and the superclass's fields get no {@code LayerOutsideModel} (whose Fix,
     * "annotate Parent with @Model", would lead to the same error); following its Fix (the layers
     * moved into the model) compiles without a diagnostic.
     */
    @Test
    void aModelExtendingAClassWithLayersIsAnErrorWhoseFixCompiles() throws IOException {
        JavaFileObject parent = Sources.model("Parent", "public class Parent {",
                "    @Dense(units = 8) @ReLU Layer fc1;", "    @Dense(units = 8) @ReLU Layer fc2;", "}");
        JavaFileObject child = Sources.model("P", "@Model(input = {4})", "public class P extends Parent {",
                "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = compile(parent, child);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:LayersInSuperclass] model 'P' (@Model) extends "
                + "test.Parent, which declares the layers fc1, fc2").inFile(child).onLine(1 + HEADER);
        assertThat(compilation).hadErrorContaining("Fix: move the layer fields of Parent into P");
        assertThat(Sources.generatedFileNames(parent, child)).isEmpty();

        JavaFileObject fixed = Sources.model("P", "@Model(input = {4})", "public class P {",
                "    @Dense(units = 8) @ReLU Layer fc1;", "    @Dense(units = 8) @ReLU Layer fc2;",
                "    @Dense(units = 2) Layer out;", "}");
        JavaFileObject plainParent = Sources.model("Parent", "public class Parent {}");
        assertThat(compile(plainParent, fixed)).succeededWithoutWarnings();
    }

    /** A model may extend a class without layers (and a @Model class without layers), as before. */
    @Test
    void aModelExtendingAClassWithoutLayersCompiles() throws IOException {
        JavaFileObject base = Sources.model("Base", "public abstract class Base {", "    int epochs;", "}");
        JavaFileObject child = Sources.model("Q", "@Model(input = {4})", "public class Q extends Base {",
                "    @Dense(units = 2) Layer out;", "}");
        assertThat(compile(base, child)).succeededWithoutWarnings();
        assertThat(Sources.generatedFileNames(base, child)).containsExactly("QNet.java");
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
