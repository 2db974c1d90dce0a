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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina experiment --spark local[1]} on the small real fixture: the same accuracies as
 * the sequential experiment, the same files, a rerun that trains nothing, and bad data reported
 * once, not retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSweepTest {
    /** The sequential experiment every Spark sweep of this class is compared with. */
    private Path sequential;

    @BeforeAll
    void trainSequentially(@TempDir Path dir) {
        sequential = dir.resolve("sequential");
        Cli seq = Cli.run(sweep(sequential).toArray(String[]::new));
        assertEquals(LaminaCli.OK, seq.code(), seq.both());
    }

    /** The sequential experiment's {@link #accuracies}. */
    List<String> sequentialAccuracies() throws IOException {
        return accuracies(sequential);
    }

    static List<String> sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("experiment", "--models", "Plain,BatchNormFcDropout",
                "--seeds", "1", "--epochs", "1", "--subset", "0", "--batch-size", "32",
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
        Path spark = dir.resolve("spark");
        Cli onSpark = Cli.run(sweep(spark, "--spark", "local[1]").toArray(String[]::new));
        assertEquals(LaminaCli.OK, onSpark.code(), onSpark.both());
        assertTrue(onSpark.out().contains("master local[1]"), onSpark.out());

        List<String> expected = accuracies(sequential);
        assertEquals(1 + 2, expected.size(), "header + 2 models x 1 seed x 1 epoch: " + expected);
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

    /** Six 28x28 grey PNGs in {@code dir}/a and one file that is no image; their manifest. */
    static Path images(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("images").resolve("a"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 6; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28, 28,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    image.getRaster().setSample(x, y, 0, random.nextInt(256));
                }
            }
            javax.imageio.ImageIO.write(image, "png", folder.resolve("image" + i + ".png").toFile());
        }
        Files.writeString(folder.resolve("broken.png"), "not a PNG");
        Path manifest = dir.resolve("images.txt");
        Files.writeString(manifest, "# two images again, by path\n" + folder.resolve("image0.png") + "\n\n"
                + folder.resolve("image1.png").toUri() + "\n");
        return manifest;
    }

    /** The rows of a CSV folder Spark wrote (its part files), header left out, in path order. */
    static List<String> sparkCsv(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(part);
                rows.addAll(lines.subList(Math.min(1, lines.size()), lines.size()));
            }
        }
        return rows;
    }

    /** Prediction as a Spark job gives lamina predict's classes and probabilities, and the bad image a row. */
    static void predictsAsTheCli(String master, Path model, Path dir) throws IOException {
        Path manifest = images(dir);
        Path folder = dir.resolve("images");
        Path out = dir.resolve("predictions");
        Cli spark = Cli.run("predict", "--spark", master, model.toString(), folder.toString(), manifest.toString(),
                "--out", out.toString(), "--top-k", "2");
        assertEquals(LaminaCli.USAGE, spark.code(), "one image is bad: " + spark.both());
        assertTrue(spark.out().contains("8 image(s) predicted") && spark.out().contains("1 with an error"), spark.out());
        assertTrue(Files.exists(out.resolve("parquet").resolve("_SUCCESS")), "Spark committed the Parquet output");
        List<String> rows = sparkCsv(out.resolve("csv"));
        assertEquals(7 + 2, rows.size(), "a row per image of the folder and of the manifest: " + rows);
        String broken = rows.stream().filter(r -> r.contains("broken.png")).findFirst().orElseThrow();
        assertTrue(broken.matches(".*,,,,,.+"), "no classes, and a reason: " + broken);

        Path csv = dir.resolve("sequential.csv");
        Cli cli = Cli.run("predict", model.toString(), folder.toString(), "--out", csv.toString(), "--top-k", "2");
        assertEquals(LaminaCli.USAGE, cli.code(), cli.both());
        for (String line : Files.readAllLines(csv).subList(1, 7)) {
            String[] f = line.split(",");
            String name = Path.of(f[0]).getFileName().toString();
            String row = rows.stream().filter(r -> r.contains("/" + name + ",")).findFirst().orElseThrow();
            String[] g = row.split(",");
            assertEquals(f[2], g[1], "top class of " + name);
            assertEquals(Double.parseDouble(f[3]), Double.parseDouble(g[2]), 1e-6, "its probability");
            assertEquals(f[4], g[3], "second class of " + name);
        }
    }

    @Test
    void batchPredictionInLocalModeGivesTheCliPredictionsAndABadImageIsARow(@TempDir Path dir) throws IOException {
        predictsAsTheCli("local[2]", sequential.resolve("runs").resolve("Plain-seed1").resolve("model"), dir);
    }

    /**
     * A tiny sweep on a real Spark standalone cluster on 127.0.0.1: Spark's Master and a Worker as
     * separate JVMs, two executor JVMs of one core, this JVM the driver (client mode, as {@code
     * lamina experiment --spark spark://...} runs). Each executor trains one run at a time, so the
     * runs are those of the sequential experiment.
     */
    @Nested
    class OnAStandaloneCluster {
        /** The driver's settings for the cluster: loopback only, executors of one core and 1 GiB. */
        private final Map<String, String> driver = Map.of(
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                "spark.executor.cores", "1",
                "spark.executor.memory", "1g",
                "spark.cores.max", "2",
                // Spark sets an executor's OMP_NUM_THREADS to its cores (1), and PyTorch's sums depend
                // on the thread count: the sequential run's count makes the same arithmetic
                "spark.executorEnv.OMP_NUM_THREADS", String.valueOf(Runtime.getRuntime().availableProcessors()),
                // the executors load Lamina from this test's class path (jars and class folders)
                "spark.executor.extraClassPath", System.getProperty("java.class.path"));

        @AfterEach
        void clearDriverSettings() {
            driver.keySet().forEach(System::clearProperty);
        }

        @Test
        @Timeout(600)
        void sweepOnAStandaloneClusterTrainsWhatTheSequentialRunTrains(@TempDir Path dir) throws Exception {
            try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2)) {
                driver.forEach(System::setProperty);
                Path out = dir.resolve("on-cluster");
                Cli run = Cli.run(sweep(out, "--spark", cluster.url(),
                        "--runs-uri", dir.resolve("shared-runs").toUri().toString()).toArray(String[]::new));
                assertEquals(LaminaCli.OK, run.code(), run.both() + "\nworker log:\n" + cluster.log("worker"));
                assertTrue(run.out().contains("master " + cluster.url()), run.out());
                assertEquals(sequentialAccuracies(), accuracies(out));
                Path model = dir.resolve("shared-runs").resolve("Plain-seed1").resolve("model");
                assertTrue(Files.isDirectory(model), "the run's model is in the shared run store");
                predictsAsTheCli(cluster.url(), model, dir);
            }
        }
    }
}
