package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.examples.experiment.Experiment;
import dev.lamina.runtime.model.SavedModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina experiment --spark local[1]} on the small real fixture: the same accuracies as
 * the sequential experiment, the same files, a rerun that trains nothing, and bad data reported
 * once, not retried.
 */
class SparkSweepTest {

    private static List<String> sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("experiment", "--models", "Plain,BatchNormFcDropout",
                "--seeds", "1", "--epochs", "2", "--subset", "0", "--batch-size", "32",
                "--data", Cli.fixture().toString(), "--device", "cpu", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** runs.csv without its seconds column (wall time), one string per row. */
    static List<String> accuracies(Path out) throws IOException {
        return Files.readAllLines(out.resolve(Experiment.RUNS_CSV)).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void localSweepTrainsWhatTheSequentialRunTrainsAndARerunTrainsNothing(@TempDir Path dir) throws IOException {
        Path sequential = dir.resolve("sequential");
        Path spark = dir.resolve("spark");
        Cli seq = Cli.run(sweep(sequential).toArray(String[]::new));
        assertEquals(LaminaCli.OK, seq.code(), seq.both());
        Cli onSpark = Cli.run(sweep(spark, "--spark", "local[1]").toArray(String[]::new));
        assertEquals(LaminaCli.OK, onSpark.code(), onSpark.both());
        assertTrue(onSpark.out().contains("master local[1]"), onSpark.out());

        List<String> expected = accuracies(sequential);
        assertEquals(1 + 2 * 2, expected.size(), "header + 2 models x 1 seed x 2 epochs: " + expected);
        assertEquals(expected, accuracies(spark), "the Spark tasks train exactly what the sequential run trains");
        for (String name : List.of(Experiment.RESULTS_MD, Experiment.RUNS_JSON, Experiment.ACCURACY_PNG,
                Experiment.ACCURACY_SVG)) {
            assertTrue(Files.size(spark.resolve(name)) > 0, name);
        }
        assertEquals(table(sequential), table(spark), "results.md's table");
        for (String run : List.of("Plain-seed1", "BatchNormFcDropout-seed1")) {
            assertTrue(Files.isRegularFile(spark.resolve("runs").resolve(run).resolve("model").resolve(SavedModelInfo.FILE)),
                    run + "'s run directory holds its saved model");
        }

        // the same command again is refused (the experiment is there); with --resume it reads
        // both runs back, trains nothing, and writes the same results
        Cli again = Cli.run(sweep(spark, "--spark", "local[1]").toArray(String[]::new));
        assertEquals(LaminaCli.USAGE, again.code(), again.both());
        Cli resumed = Cli.run(sweep(spark, "--spark", "local[1]", "--resume").toArray(String[]::new));
        assertEquals(LaminaCli.OK, resumed.code(), resumed.both());
        assertEquals(2, count(resumed.out(), "complete already, read back"), resumed.out());
        assertEquals(expected, accuracies(spark));

        // another plan is not continued in that directory
        Cli other = Cli.run(sweep(spark, "--spark", "local[1]", "--resume", "--lr", "0.01").toArray(String[]::new));
        assertEquals(LaminaCli.USAGE, other.code(), other.both());
        assertTrue(other.err().contains("Give the options it ran with"), other.err());
    }

    @Test
    void badDataEndsTheSweepWithItsReasonOnceWithoutRetries(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Stream<Path> files = Files.list(Cli.fixture())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".gz")).toList()) {
                Files.writeString(data.resolve(file.getFileName()), "not an IDX file");
            }
        }
        List<String> args = sweep(dir.resolve("out"), "--spark", "local[1,4]");
        args.set(args.indexOf(Cli.fixture().toString()), data.toString());
        Cli run = Cli.run(args.toArray(String[]::new));
        assertNotEquals(LaminaCli.OK, run.code(), run.both());
        String line = run.err().lines().filter(l -> l.startsWith("lamina experiment: ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.both()));
        assertTrue(line.contains("Plain-seed1: "), line);
        assertEquals(1, count(run.both(), "not an IDX file") + count(run.both(), line.substring(line.indexOf(": ") + 2)),
                "reported once: " + run.both());
    }

    private static String table(Path out) throws IOException {
        return Files.readString(out.resolve(Experiment.RESULTS_MD)).lines()
                .filter(l -> l.startsWith("| ")).map(l -> Arrays.stream(l.split("\\|")).limit(4)
                        .collect(Collectors.joining("|"))).collect(Collectors.joining("\n"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
