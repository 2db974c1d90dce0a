package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.lint.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes the lint findings of a compilation as a SARIF 2.1.0 log ({@code -Alamina.sarif=<path>}).
 *
 * <p>The log has one run whose tool driver is "Lamina" and lists every registered rule
 * ({@code id} = {@code lamina:<Id>}, the text inside a diagnostic's brackets and the
 * {@code @SuppressWarnings} key; {@code name} = {@code <Id>}; short and full description; help;
 * default level). Each result has {@code ruleId} (and {@code ruleIndex} when the id is a
 * registered rule), {@code level}, {@code message.text} (the rendered diagnostic), one physical
 * location (uri, 1-based start line and column; the region is left out when line or column is
 * not positive) and, for a finding with a Fix, its structure: the property bag holds the Fix's
 * text and the annotation or attribute it changes ({@code fix}, {@code fixModel},
 * {@code fixField}, {@code fixAnnotation}, {@code fixAttribute}), and where the Fix has a concrete
 * replacement for a written attribute value, {@code fixes} holds one fix with its
 * {@code description} and {@code artifactChanges} (a fix object without artifact changes is not
 * valid SARIF 2.1.0, so a Fix that is advice only is in the property bag alone). The JSON is written by hand (a few dozen lines; no new dependency) and atomically:
 * to a temporary file in the target directory, then moved over the target.
 */
public final class SarifWriter {

    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";
    /** JSON schema of SARIF 2.1.0, as published by OASIS. */
    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifWriter() {}

    /**
     * A reported finding with its place in the source (1-based line and column) and, where its Fix
     * has one, the source change that carries it out; null otherwise.
     */
    public record Result(Finding finding, String uri, long line, long column, Replacement replacement) {

        /** A result whose Fix (if any) has no concrete source change. */
        public Result(Finding finding, String uri, long line, long column) {
            this(finding, uri, line, column, null);
        }

        /** The same result with the source change that carries out its Fix. */
        public Result withReplacement(Replacement change) {
            return new Result(finding, uri, line, column, change);
        }
    }

    /**
     * A SARIF replacement: the region of {@code uri} from the start (inclusive) to the end
     * (exclusive; 1-based lines and columns) is replaced by {@code text}.
     */
    public record Replacement(String uri, long startLine, long startColumn, long endLine, long endColumn,
                              String text) {}

    /**
     * Writes all results (an empty run when there are none), replacing the file when it is a
     * regular file (the log of an earlier build). Anything else at that path (a symbolic link, a
     * directory, a FIFO, a device such as {@code /dev/null}) is never replaced: it is refused with
     * an {@link IOException} that says what it is.
     */
    public static void write(Path file, List<Result> results) throws IOException {
        Path target = file.toAbsolutePath();
        refuseUnlessAbsentOrRegular(target);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, toJson(results), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void refuseUnlessAbsentOrRegular(Path target) throws IOException {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(target,
                java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (attributes.isRegularFile()) {
            return;
        }
        String what = attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a directory"
                : "a special file (a FIFO, socket or device)";
        throw new IOException(target + " is " + what + ", which the SARIF log never replaces; name a regular"
                + " file or a path that does not exist yet");
    }

    /** The SARIF log as a JSON string. */
    static String toJson(List<Result> results) {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n  \"$schema\": ").append(quote(SCHEMA))
                .append(",\n  \"version\": ").append(quote(VERSION))
                .append(",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n")
                .append("          \"name\": \"Lamina\",\n          \"rules\": [");
        List<Rule> rules = Rules.all();
        for (int i = 0; i < rules.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("            ").append(rule(rules.get(i)));
        }
        json.append("\n          ]\n        }\n      },\n      \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("        ").append(result(results.get(i)));
        }
        json.append(results.isEmpty() ? "]\n" : "\n      ]\n").append("    }\n  ]\n}\n");
        return json.toString();
    }

    private static String rule(Rule rule) {
        return "{\"id\": " + quote(ruleId(rule.id()))
                + ", \"name\": " + quote(rule.id())
                + ", \"shortDescription\": " + text(rule.summary())
                + ", \"fullDescription\": " + text(rule.help())
                + ", \"help\": " + text(rule.help() + " See docs/lints.md#" + rule.id().toLowerCase(Locale.ROOT) + ".")
                + ", \"defaultConfiguration\": {\"level\": " + quote(level(rule.defaultSeverity())) + "}}";
    }

    private static String result(Result result) {
        Finding finding = result.finding();
        StringBuilder json = new StringBuilder(256);
        json.append("{\"ruleId\": ").append(quote(ruleId(finding.id())));
        int index = Rules.ids().indexOf(finding.id());
        if (index >= 0) {
            json.append(", \"ruleIndex\": ").append(index);
        }
        json.append(", \"level\": ").append(quote(level(finding.severity())))
                .append(", \"message\": ").append(text(finding.render()));
        if (result.uri() != null) {
            json.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                    .append(quote(result.uri())).append('}');
            if (result.line() > 0 && result.column() > 0) {
                json.append(", \"region\": {\"startLine\": ").append(result.line())
                        .append(", \"startColumn\": ").append(result.column()).append('}');
            }
            json.append("}}]");
        }
        Fix fix = finding.fix();
        if (fix != null && result.replacement() != null) {
            Replacement change = result.replacement();
            json.append(", \"fixes\": [{\"description\": ").append(text(fix.text()))
                    .append(", \"artifactChanges\": [{\"artifactLocation\": {\"uri\": ").append(quote(change.uri()))
                    .append("}, \"replacements\": [{\"deletedRegion\": {\"startLine\": ").append(change.startLine())
                    .append(", \"startColumn\": ").append(change.startColumn())
                    .append(", \"endLine\": ").append(change.endLine())
                    .append(", \"endColumn\": ").append(change.endColumn())
                    .append("}, \"insertedContent\": ").append(text(change.text())).append("}]}]}]");
        }
        if (fix != null) {
            json.append(", \"properties\": {\"fix\": ").append(quote(fix.text()));
            Fix.Target target = fix.target();
            if (target != null) {
                property(json, "fixModel", target.model());
                property(json, "fixField", target.origin().field());
                property(json, "fixAnnotation", target.origin().annotation());
                property(json, "fixAttribute", target.origin().attribute());
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    private static void property(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(", ").append(quote(name)).append(": ").append(quote(value));
        }
    }

    /** {@code lamina:<Id>}: the text inside a diagnostic's brackets. */
    static String ruleId(String id) {
        return "lamina:" + id;
    }

    /** SARIF level of a severity: error, warning, note, or none for OFF. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
            case OFF -> "none";
        };
    }

    private static String text(String value) {
        return "{\"text\": " + quote(value) + "}";
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
