package dev.lamina.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keeps generated code within the class file's limits whatever the model's length: a method's
 * code is at most 64 KiB ("code too large"), a string constant at most 65,535 bytes of modified
 * UTF-8 ("constant string too long"). Long statement lists are spread over private methods of a
 * bounded number of statements; long strings are written as constants of a bounded size joined at
 * run time.
 */
final class ClassFileLimits {

    /** Bytes of modified UTF-8 per string constant: half the limit. */
    static final int STRING_BYTES = 32_768;

    private ClassFileLimits() {}

    /**
     * Adds {@code statements} to {@code method}, or, when there are more than {@code perMethod},
     * adds calls {@code name_part1(param)}, {@code name_part2(param)}, ... and returns those private
     * static methods, each taking {@code param} of type {@code type} and holding at most
     * {@code perMethod} of the statements, in order.
     */
    static List<MethodSpec> addSplit(MethodSpec.Builder method, String name, TypeName type, String param,
                                     List<CodeBlock> statements, int perMethod) {
        if (statements.size() <= perMethod) {
            statements.forEach(method::addStatement);
            return List.of();
        }
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = 0, part = 1; start < statements.size(); start += perMethod, part++) {
            String partName = name + "_part" + part; // a body's method ends in its input, never in "_part<n>"
            MethodSpec.Builder m = MethodSpec.methodBuilder(partName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(type, param);
            statements.subList(start, Math.min(statements.size(), start + perMethod)).forEach(m::addStatement);
            parts.add(m.build());
            method.addStatement("$N($N)", partName, param);
        }
        return parts;
    }

    /**
     * {@code text} as a Java expression: one string literal when its constant fits in
     * {@value #STRING_BYTES} bytes, else {@code String.join("", "...", "...")} of literals that
     * each fit, split at line ends where a line allows it and never inside a surrogate pair.
     */
    static CodeBlock string(String text) {
        List<String> parts = parts(text);
        if (parts.size() == 1) {
            return CodeBlock.of("$S", text);
        }
        return CodeBlock.of("$T.join($S, $L)", String.class, "",
                parts.stream().map(part -> CodeBlock.of("\n$S", part)).collect(CodeBlock.joining(",")));
    }

    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int lastLineEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            int size = utf8Bytes(text.charAt(i));
            boolean pairInside = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int needed = pairInside ? size + utf8Bytes(text.charAt(i + 1)) : size;
            if (bytes + needed > STRING_BYTES) {
                int end = lastLineEnd > start ? lastLineEnd : i; // at a line end when one is in this part
                parts.add(text.substring(start, end));
                bytes = utf8Bytes(text, end, i);
                start = end;
                lastLineEnd = -1;
            }
            bytes += needed;
            if (pairInside) {
                i++;
            }
            if (text.charAt(i) == '\n') {
                lastLineEnd = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int utf8Bytes(String text, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += utf8Bytes(text.charAt(i));
        }
        return bytes;
    }

    /** The bytes of one char in the class file's modified UTF-8 (a surrogate is 3 bytes on its own). */
    private static int utf8Bytes(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
}
