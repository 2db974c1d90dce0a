package dev.lamina.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command's standard output as the {@link PrintStream} the runtime's progress reporting takes,
 * writing into picocli's {@code getOut()} writer, so whoever runs {@link LaminaCli} (a test, an
 * embedding application) gets the output where it set {@code CommandLine.setOut}.
 */
final class CliOutput {

    private CliOutput() {}

    /** A UTF-8 print stream over {@code spec.commandLine().getOut()}, flushing on newlines. */
    static PrintStream stdout(CommandSpec spec) {
        return new PrintStream(new WriterStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
    }

    /**
     * Collects bytes and hands them to the writer, decoded, at every flush (which {@link
     * PrintStream} does after each print call when auto-flushing, so a flush never splits a
     * character).
     */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            writer.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
