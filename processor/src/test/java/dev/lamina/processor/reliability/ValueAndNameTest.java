package dev.lamina.processor.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.lamina.processor.LaminaProcessor;
import dev.lamina.processor.Sources;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values are validated in the type DJL uses (float) and every generated class name is checked
 * against Java's reserved words and against shadowing (issue 15, failures 2 and 3): each case used
 * to compile and then generate code javac rejects ({@code optEpsilon(Infinityf)}), a class named
 * {@code var}, or a block that does something else than the annotation says ({@code
 * optRate(1.0f)}). Each now gets exactly one error, on its own line, and no Net.
 */
class ValueAndNameTest {

    private static final int HEADER = 4;

    private static Compilation compile(JavaFileObject source) {
        return Compiler.javac().withProcessors(new LaminaProcessor()).compile(source);
    }

    private static void assertOneError(JavaFileObject source, int bodyLine, String... words) {
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String word : words) {
            assertThat(compilation).hadErrorContaining(word).inFile(source).onLine(bodyLine + HEADER);
        }
        try {
            assertThat(Sources.generatedFileNames(source)).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JavaFileObject layer(String annotations) {
        return Sources.model("Bad", "@Model(input = {4, 8, 8})", "@SuppressWarnings(\"lamina\")",
                "public class Bad {", "    @Conv(filters = 4) " + annotations + " Layer x;", "}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@BatchNorm(epsilon = 1e300)              | FloatRounding | epsilon = 1.0E300 becomes Infinity",
        "@BatchNorm(epsilon = 3.5e38)             | FloatRounding | becomes Infinity as a float",
        "@BatchNorm(epsilon = Double.MAX_VALUE)   | FloatRounding | becomes Infinity as a float",
        "@BatchNorm(epsilon = 1e-46)              | FloatRounding | epsilon = 1.0E-46 becomes 0.0",
        "@BatchNorm(momentum = 0.99999999)        | FloatRounding | momentum = 0.99999999 becomes 1.0",
        "@Dropout(rate = 0.99999999)              | FloatRounding | rate = 0.99999999 becomes 1.0",
        "@SpatialDropout(rate = 0.99999999)       | FloatRounding | rate = 0.99999999 becomes 1.0",
        "@LeakyReLU(alpha = 1e39)                 | FloatRounding | alpha = 1.0E39 becomes Infinity",
        "@BatchNorm(epsilon = Double.POSITIVE_INFINITY) | AttributeOutOfRange | epsilon = Infinity is out of range",
        "@BatchNorm(epsilon = Double.NaN)         | AttributeOutOfRange | epsilon = NaN is out of range",
        "@Dropout(rate = Double.NaN)              | AttributeOutOfRange | rate = NaN is out of range",
    })
    void aValueDjlsFloatWouldChangeIsAnError(String annotation, String id, String words) {
        assertOneError(layer(annotation), 4, "[lamina:" + id + "] layer 'x_", words, "Fix:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@BatchNorm(epsilon = 3.4e38)", "@BatchNorm(momentum = 0.9999999)",
        "@Dropout(rate = 0.9999999)", "@SpatialDropout(rate = 0.9999999)", "@BatchNorm(epsilon = 1.5e-45)",
        "@LeakyReLU(alpha = 3e38)"})
    void theLastValuesAFloatHoldsStillCompile(String annotation) {
        assertThat(compile(layer(annotation))).succeeded();
    }

    private static JavaFileObject named(String name) {
        return Sources.model("Bad", "@Model(input = {4}, name = \"" + name + "\")", "public class Bad {",
                "    @Dense(units = 2) Layer out;", "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"var", "record", "yield", "sealed", "permits", "class", "_", "true", "goto"})
    void aReservedWordCannotNameTheNet(String name) {
        assertOneError(named(name), 1, "[lamina:InvalidNetName] model 'Bad' (@Model): name = \"" + name + "\"",
                "keyword or a restricted identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Model", "Layer", "Conv", "String", "Object", "Override", "Shape", "Block",
        "NamedSequentialBlock", "LaminaNet", "Generated"})
    void aNameThatShadowsATypeIsAnError(String name) {
        assertOneError(named(name), 1, "[lamina:InvalidNetName]", "would shadow the type " + name);
    }

    @Test
    void aTooLongNameIsItsOwnErrorNotNetNotWritten() {
        String name = "N".repeat(201);
        Compilation compilation = compile(named(name));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:InvalidNetName]");
        assertThat(compilation).hadErrorContaining("201 bytes long");
        String longest = "N".repeat(200);
        assertThat(compile(named(longest))).succeeded();
    }

    private static JavaFileObject classNamed(String simpleName, String modelAttributes) {
        return Sources.model(simpleName, "@Model(input = {4}" + modelAttributes + ")",
                "public class " + simpleName + " {", "    @Dense(units = 2) Layer out;", "}");
    }

    /**
     * Issue 21.23: a class name of 198 characters makes a default Net name of 201 bytes. The message
     * quoted {@code name = "M...Net"}, which the user never wrote, and offered that same name as the
     * Fix. It names no attribute now, and its Fix is a name that compiles without any diagnostic.
     */
    @Test
    void aTooLongDefaultNetNameQuotesNoNameAndItsFixCompilesClean() throws java.io.IOException {
        String simpleName = "M" + "x".repeat(197);
        Compilation compilation = compile(classNamed(simpleName, ""));
        assertThat(compilation).hadErrorCount(1);
        String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertThat(message).contains("[lamina:InvalidNetName] model '" + simpleName + "' (@Model): the generated class"
                + " would be named " + simpleName + "Net (the class's name and Net, as @Model has no name)");
        assertThat(message).contains("201 bytes long");
        assertThat(message).doesNotContain("name = \"" + simpleName + "Net\"");
        String suggested = message.replaceAll("(?s).*Fix: .*name = \"([^\"]+)\".*", "$1");
        assertThat(suggested).isNotEqualTo(message);
        assertThat(suggested.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isAtMost(200);
        Compilation fixed = compile(classNamed(simpleName, ", name = \"" + suggested + "\""));
        assertThat(fixed).succeededWithoutWarnings();
        assertThat(fixed.notes().stream().filter(n -> n.getMessage(null).contains("[lamina:")
                && !n.getMessage(null).contains("[lamina:Summary]")).toList()).isEmpty();
    }

    /**
     * An invalid explicit name on such a class: the Fix's example is no longer "<class>Net" (201 bytes)
     * and does not say "leave name out", which would lead to the default name's error.
     */
    @Test
    void theFixOfAnInvalidNameNeverOffersAnotherInvalidName() {
        String simpleName = "M" + "\u00e9".repeat(120); // 241 bytes in UTF-8
        Compilation compilation = compile(classNamed(simpleName, ", name = \"var\""));
        assertThat(compilation).hadErrorCount(1);
        String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertThat(message).contains("name = \"var\" cannot name the generated class");
        assertThat(message).doesNotContain("leave name out");
        String suggested = message.replaceAll("(?s).*Fix: .*name = \"([^\"]+)\".*", "$1");
        assertThat(suggested).endsWith("Net");
        assertThat(suggested.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isAtMost(200);
        assertThat(compile(classNamed(simpleName, ", name = \"" + suggested + "\""))).succeededWithoutWarnings();
        // with a short class name, leaving name out is offered, as it works
        Compilation shortName = compile(named("var"));
        assertThat(shortName).hadErrorContaining("e.g. name = \"BadNet\", or leave name out.");
    }

    /** A class whose default Net name shadows a runtime type (LaminaNet) gets a name that does not. */
    @Test
    void aDefaultNetNameThatShadowsATypeGetsAnotherName() {
        Compilation compilation = compile(classNamed("Lamina", ""));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("the generated class would be named LaminaNet");
        assertThat(compilation).hadErrorContaining("e.g. name = \"LaminaNetwork\".");
        assertThat(compile(classNamed("Lamina", ", name = \"LaminaNetwork\""))).succeededWithoutWarnings();
    }

    @Test
    void anIllegalNameIsItsOwnError() {
        Compilation compilation = compile(named("9lives"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:InvalidNetName]");
        assertThat(compilation).hadErrorContaining("not a Java identifier");
    }

    @Test
    void aSubModelWithAnInvalidValueStopsTheOuterModelToo() throws java.io.IOException {
        JavaFileObject inner = Sources.model("Inner", "@Model(input = {4})", "public class Inner {",
                "    @Dense(units = 4) @BatchNorm(epsilon = 1e300) Layer d;", "}");
        JavaFileObject outer = Sources.model("Outer", "@Model(input = {4})", "public class Outer {",
                "    Inner inner;", "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor()).compile(inner, outer);
        assertThat(compilation).hadErrorContaining("[lamina:FloatRounding]").inFile(inner).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'inner'").inFile(outer)
                .onLine(3 + HEADER);
        // no OuterNet calling the InnerNet that was never generated
        assertThat(Sources.generatedFileNames(inner, outer)).isEmpty();
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aSubModelStoppedByALintErrorStopsTheOuterModelWithItsOwnError() throws java.io.IOException {
        // the outer Net builds the sub-model through InnerNet, which the error keeps from existing:
        // an error on the field, not javac's "cannot find symbol" in generated code
        JavaFileObject inner = Sources.model("Inner", "@Model(input = {4})", "public class Inner {",
                "    @Dense(units = 4) @ReLU Layer d;", "    @Dropout Layer a;", "    @Dropout Layer b;", "}");
        JavaFileObject outer = Sources.model("Outer", "@Model(input = {4})", "public class Outer {",
                "    Inner inner;", "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
                .withOptions("-Alamina.lint.ConsecutiveDropout=error").compile(outer, inner);
        assertThat(compilation).hadErrorContaining("[lamina:ConsecutiveDropout]").inFile(inner);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelWithoutNet] layer 'inner' (field of type Inner): "
                + "sub-model Inner has no generated class test.InnerNet").inFile(outer).onLine(3 + HEADER);
        assertThat(Sources.generatedFileNames(List.of("-Alamina.lint.ConsecutiveDropout=error"), inner, outer))
                .isEmpty();
    }
}
