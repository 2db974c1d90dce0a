package dev.lamina.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the CLI as an embedder would run it, output captured through picocli's writers.
 *
 * @param code the exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LaminaCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The number in {@code regex}'s first group, found in {@code text}; fails the test when absent. */
    static double number(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), regex + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    /** Both outputs, for assertion messages. */
    String both() {
        return out + "\n" + err;
    }
}
