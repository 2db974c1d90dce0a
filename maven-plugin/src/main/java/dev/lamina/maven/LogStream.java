package dev.lamina.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The runtime's progress and report lines (written to a {@link PrintStream}, as the command line
 * prints them) as Maven log lines at INFO: one per line, so they carry Maven's {@code [INFO]}
 * prefix and obey {@code mvn -q}.
 */
final class LogStream extends OutputStream {
    private final Log log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(Log log) {
        this.log = log;
    }

    /** A UTF-8 print stream over this. */
    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        log.info(line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
