package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Gradle's incremental annotation processing: the processor declares itself {@code isolating}
 * ({@code gradle/IncrementalProcessorsResourceTest}) and keeps that contract: every generated file
 * names exactly one originating element, the model class it was generated from (also when the
 * model inlines a sub-model from another file).
 */
class OriginatingElementTest {

    @Test
    void eachGeneratedFileHasItsModelAsTheOnlyOriginatingElement() {
        JavaFileObject block = Sources.model("Block", "@Model(input = {4, 8, 8})", "public class Block {",
                "    @Conv(filters = 4) @ReLU Layer conv;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {4, 8, 8})", "public class Net {",
                "    @Residual Block block;", "    @GlobalAvgPool Layer gap;", "    @Dense(units = 2) Layer out;", "}");
        Map<String, List<String>> origins = new TreeMap<>();
        Compilation compilation = Compiler.javac()
                .withProcessors(FilerSpy.wrap(new LaminaProcessor(), (name, elements) -> origins.put(name,
                        Arrays.stream(elements).map(OriginatingElementTest::name).toList())))
                .compile(block, net);
        assertThat(compilation).succeeded();
        assertEquals(Map.of("test.BlockNet", List.of("test.Block"), "test.NetNet", List.of("test.Net")), origins);
    }

    private static String name(Element element) {
        return ((TypeElement) element).getQualifiedName().toString();
    }
}
