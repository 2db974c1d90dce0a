package dev.lamina.examples.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fuzz generator covers the DSL as documented (issue 21): every Lamina annotation that
 * docs/dsl.md names (an annotation type of {@code dev.lamina} written {@code `@Name`} there) is
 * emitted by some of the quick run's cases, and so is {@code extends} (a superclass without
 * layers, and one with layers as an injected error), and every {@code @Model(task)} (a task on a
 * building block as an injected error). A new annotation documented in dsl.md fails
 * this test until the generator writes it.
 */
class ModelGeneratorCoverageTest {

    private static final Pattern DOCUMENTED = Pattern.compile("`@([A-Z][A-Za-z]*)");
    private static final Pattern WRITTEN = Pattern.compile("@([A-Z][A-Za-z]*)");

    @Test
    void theGeneratorEmitsEveryAnnotationDslMdNamesAndExtends() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher doc = DOCUMENTED.matcher(Files.readString(Path.of("../docs/dsl.md")));
        while (doc.find()) {
            if (isLaminaAnnotation(doc.group(1))) {
                documented.add(doc.group(1));
            }
        }
        assertTrue(documented.containsAll(Set.of("Conv", "DepthwiseConv", "GlobalMaxPool", "LayerNorm", "Model",
                "Residual")), "dsl.md's annotations are read: " + documented);

        Set<String> emitted = new TreeSet<>();
        boolean extendsPlain = false;
        boolean extendsLayers = false;
        Set<String> tasks = new TreeSet<>();
        boolean taskOnBlock = false;
        for (int id = 0; id < 200; id++) { // the quick run of ModelFuzzTest: 200 cases of seed 15
            ModelGenerator.Case c = ModelGenerator.generate(15, id);
            tasks.add(c.task());
            taskOnBlock |= "task on block".equals(c.injected());
            for (ModelGenerator.Source source : c.sources()) {
                Matcher written = WRITTEN.matcher(source.code());
                while (written.find()) {
                    emitted.add(written.group(1));
                }
                if (source.code().contains(" extends P" + id)) {
                    extendsLayers |= "extends layers".equals(c.injected());
                    extendsPlain |= c.injected() == null;
                }
            }
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(emitted);
        assertEquals(Set.of(), missing, "annotations docs/dsl.md names that the fuzz generator never emits");
        assertTrue(extendsPlain, "a valid case extends a class without layers");
        assertTrue(extendsLayers, "an injected case extends a class with layers");
        // docs/dsl.md, Tasks: every @Model(task), and a task on a building block as an injected error
        assertEquals(Set.of("BINARY", "MULTI_CLASS", "MULTI_LABEL", "REGRESSION"), tasks);
        assertTrue(taskOnBlock, "an injected case declares a task on a building block");
    }

    private static boolean isLaminaAnnotation(String simpleName) {
        try {
            return Annotation.class.isAssignableFrom(Class.forName("dev.lamina." + simpleName))
                    && Class.forName("dev.lamina." + simpleName).isAnnotation();
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
