package dev.lamina.processor.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Problem} is the one catalogue of the processor's own messages and {@link Finding} the one
 * place that spells the {@code [lamina:<Id>]} tag: no other main source writes a tag by hand, and
 * every catalogued id is documented.
 */
class CatalogueTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path FINDING = MAIN.resolve(Path.of("dev", "lamina", "processor", "diag", "Finding.java"));

    @Test
    void noSourceButFindingSpellsTheTag() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.equals(FINDING))
                    .filter(CatalogueTest::spellsTheTag)
                    .toList();
        }
        assertEquals(List.of(), offenders, "build messages with Problem (or Rule) and Finding.tag(id)");
    }

    @Test
    void theDetectorSeesAHandWrittenTag() {
        assertTrue(spellsTheTag("return \"[lamina:" + "Summary] \" + name;"));
        assertTrue(spellsTheTag("return \"[\" + \"lamina:" + "\" + id + \"]\";"));
    }

    /** Every id of the catalogue has a section (errors) or a table row (option warnings) in docs/dsl.md. */
    @Test
    void everyProblemIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "dsl.md"));
        for (Problem problem : Problem.values()) {
            if (problem != Problem.SUMMARY) {
                assertTrue(docs.contains("\n#### " + problem.id() + "\n") || docs.contains("\n| `" + problem.id() + "` |"),
                        "docs/dsl.md lacks a section or row for " + problem.id());
            }
        }
        assertTrue(docs.contains("[lamina:" + Problem.SUMMARY.id() + "]"));
    }

    /** {@code at} is private to the enum, so a problem without a factory method could never be reported. */
    @Test
    void everyProblemHasAFactoryMethod() throws IOException {
        String source = Files.readString(MAIN.resolve(Path.of("dev", "lamina", "processor", "diag", "Problem.java")));
        for (Problem problem : Problem.values()) {
            assertTrue(source.contains(problem.name() + ".at("), problem + " has no factory method");
        }
    }

    private static boolean spellsTheTag(Path file) {
        try {
            return spellsTheTag(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    /** A string literal that opens a tag: {@code "[lamina:} or a {@code "lamina:"} literal after a {@code "["} one. */
    private static boolean spellsTheTag(String source) {
        return source.contains("\"[lamina:") || source.matches("(?s).*\"\\[\"\\s*\\+\\s*\"lamina:.*");
    }
}
