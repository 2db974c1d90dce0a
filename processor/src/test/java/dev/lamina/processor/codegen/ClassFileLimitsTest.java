package dev.lamina.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long strings are split into constants that each fit the class file, losing nothing. */
class ClassFileLimitsTest {

    @Test
    void aLongTableIsSplitAtLineEndsIntoConstantsThatFit() {
        String line = "x".repeat(19_999) + "\n";
        String text = line.repeat(5);
        List<String> parts = ClassFileLimits.parts(text);
        assertEquals(text, String.join("", parts));
        assertEquals(5, parts.size()); // two lines (40,000 bytes) would not fit in 32,768
        parts.forEach(part -> assertTrue(part.endsWith("\n"), "split at a line end"));
    }

    @Test
    void aLongLineOfNonAsciiTextIsSplitOutsideSurrogatePairs() {
        String text = "\uD83D\uDE00é".repeat(20_000); // an emoji (two chars, 6 bytes) and a 2-byte char
        List<String> parts = ClassFileLimits.parts(text);
        assertEquals(text, String.join("", parts));
        assertTrue(parts.size() > 1);
        for (String part : parts) {
            assertFalse(Character.isLowSurrogate(part.charAt(0)), "no part starts inside a pair");
            // modified UTF-8 writes each surrogate as 3 bytes, standard UTF-8 a pair as 4: at most 1.5x
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length * 3 / 2 <= 65_535);
        }
    }

    @Test
    void aShortTextIsOneLiteral() {
        assertEquals(com.palantir.javapoet.CodeBlock.of("$S", "a\nb"), ClassFileLimits.string("a\nb"));
        assertTrue(ClassFileLimits.string("y\n".repeat(20_000)).toString().startsWith("java.lang.String.join(\"\", "));
    }
}
