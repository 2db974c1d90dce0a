package dev.lamina.processor.report;

import dev.lamina.processor.diag.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the lint findings of a compilation as a SARIF 2.1.0 log ({@code -Alamina.sarif=<path>}).
 * STUB: the lint issue replaces the body; the signature is the contract with LaminaProcessor.
 */
public final class SarifWriter {

    private SarifWriter() {}

    /** A reported finding with its place in the source (1-based line and column). */
    public record Result(Finding finding, String uri, long line, long column) {}

    /** Writes all results (an empty run when there are none), replacing the file. */
    public static void write(Path file, List<Result> results) throws IOException {
        // stub
    }
}
