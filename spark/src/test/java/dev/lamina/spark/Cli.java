package dev.lamina.spark;

import dev.lamina.examples.cli.LaminaCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One run of the {@code lamina} CLI in this JVM, its output captured.
 *
 * @param code the exit code
 * @param out stdout
 * @param err stderr
 */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Cli(cli.execute(args), out.toString(), err.toString());
    }

    /** The small real Fashion-MNIST fixture (600 training, 200 test images) of the runtime's tests. */
    static Path fixture() {
        return Path.of(System.getProperty("lamina.fixture"));
    }

    String both() {
        return out + "\n" + err;
    }
}
