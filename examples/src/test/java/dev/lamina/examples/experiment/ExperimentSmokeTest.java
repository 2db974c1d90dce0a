package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.cli.LaminaCli;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lamina experiment} end to end on the small real fixture (600 training, 200 test images):
 * 2 generated models of the family, 1 seed, 1 epoch.
 */
class ExperimentSmokeTest {
    private static final List<String> MODELS = List.of("Plain", "BatchNormFcDropout");

    @Test
    void writesTableChartAndRawRuns(@TempDir Path out) throws Exception {
        // outputs of an earlier experiment, also reachable through hard links: an atomic rewrite
        // replaces the names and leaves the linked (complete, old) files alone
        Path snapshots = Files.createDirectory(out.resolve("previous"));
        List<String> outputs = List.of(Experiment.RESULTS_MD, Experiment.ACCURACY_PNG, Experiment.RUNS_CSV,
                Experiment.RUNS_JSON);
        for (String name : outputs) {
            Files.writeString(snapshots.resolve(name), "previous " + name);
            Files.createLink(out.resolve(name), snapshots.resolve(name));
        }
        String[] args = {"experiment", "--models", String.join(",", MODELS),
            "--seeds", "1", "--epochs", "1", "--subset", "0", "--batch-size", "32", "--lr-schedule", "cosine",
            "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", out.toString()};
        // an --out holding an earlier experiment's results is refused, nothing touched
        assertEquals(LaminaCli.USAGE, LaminaCli.execute(args));
        for (String name : outputs) {
            assertEquals("previous " + name, Files.readString(out.resolve(name)), name + " was overwritten");
        }
        // without them (the chart alone does not make a run), the chart is replaced atomically
        for (String name : List.of(Experiment.RESULTS_MD, Experiment.RUNS_CSV, Experiment.RUNS_JSON)) {
            Files.delete(out.resolve(name));
        }
        assertEquals(LaminaCli.OK, LaminaCli.execute(args));
        for (String name : outputs) {
            assertEquals("previous " + name, Files.readString(snapshots.resolve(name)),
                    name + " was rewritten in place, not replaced atomically");
        }

        String md = Files.readString(out.resolve(Experiment.RESULTS_MD));
        assertTrue(md.contains(ResultsTable.header(1)), md);
        assertTrue(md.contains("| test accuracy |") && !md.contains("±"), "one seed has no spread to show: " + md);
        assertTrue(md.contains("Machine: " + Machine.current().describe() + "; load average (1 / 5 / 15 min) "), md);
        assertTrue(md.contains("preset default (customized by flags): 2 models x 1 seed(s) [1], 1 epoch(s), batch 32,"
                + " Adam lr 0.001 (cosine)"), md);
        for (String model : MODELS) {
            String row = md.lines().filter(l -> l.startsWith("| " + model + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + model + " in\n" + md));
            assertEquals(7, row.split("\\|", -1).length - 1, "6 columns in " + row);
            assertTrue(row.matches(".*\\| 0\\.\\d{4} \\| 1 \\|.*"), row);
        }
        long plainParams = ModelCatalog.resolve("Plain").parameterCount();
        assertTrue(md.contains(String.format(Locale.ROOT, "| Plain | %,d |", plainParams)), md);

        BufferedImage png = ImageIO.read(out.resolve(Experiment.ACCURACY_PNG).toFile());
        assertNotNull(png, "accuracy.png is not a readable PNG");
        assertTrue(Files.readString(out.resolve(Experiment.ACCURACY_SVG)).contains("<svg "), "accuracy.svg beside it");
        assertEquals(2 * AccuracyChart.PANEL_WIDTH, png.getWidth());
        assertEquals(AccuracyChart.PANEL_HEIGHT, png.getHeight());

        List<String> csv = Files.readAllLines(out.resolve(Experiment.RUNS_CSV));
        assertEquals(RunsFiles.CSV_HEADER, csv.get(0));
        assertEquals(1 + 2, csv.size(), "header + 2 models x 1 seed x 1 epoch");
        assertTrue(csv.get(1).startsWith("Plain," + plainParams + ",1,1,"), csv.get(1));

        String json = Files.readString(out.resolve(Experiment.RUNS_JSON));
        assertTrue(json.contains("\"model\": \"BatchNormFcDropout\"")
                && json.contains("\"testAccuracy\""), json);
        assertTrue(json.contains("\"cores\": " + Runtime.getRuntime().availableProcessors())
                && json.contains("\"loadAverageBefore\"") && json.contains("\"loadAverageAfter\""), json);
    }
}
