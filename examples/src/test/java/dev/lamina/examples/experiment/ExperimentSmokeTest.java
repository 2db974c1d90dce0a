package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.DatasetKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment end to end on the small real fixture: 2 models, 1 seed, 1 epoch. */
class ExperimentSmokeTest {
    private static final Map<String, Class<?>> NETS =
            Map.of("TinyLinear", TinyLinearNet.class, "TinyMlp", TinyMlpNet.class);

    @Test
    void writesTableChartAndRawRuns(@TempDir Path out) throws Exception {
        ExperimentPlan plan = new ExperimentPlan("smoke", List.of("TinyLinear", "TinyMlp"),
                List.of(1L), new TrainingBackend.Budget(1, 32, 1e-3f, "cpu"), 0,
                DatasetKind.FASHION_MNIST, Fixture.fashionMnistSmall(), out);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        List<ModelResult> results = new Experiment(plan, name -> GeneratedNet.of(NETS.get(name)),
                ExperimentFamily.DEFAULT, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run();

        assertEquals(2, results.size());
        String md = Files.readString(out.resolve(Experiment.RESULTS_MD));
        assertTrue(md.contains(ResultsTable.HEADER), md);
        assertTrue(md.contains("preset smoke"), md);
        for (String model : List.of("TinyLinear", "TinyMlp")) {
            String row = md.lines().filter(l -> l.startsWith("| " + model + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + model + " in\n" + md));
            assertEquals(7, row.split("\\|", -1).length - 1, "6 columns in " + row);
            assertTrue(row.matches(".*\\| 0\\.\\d{4} ± 0\\.0000 \\|.*"), row);
        }
        assertTrue(md.contains("| TinyLinear | 7,850 |"), md);

        BufferedImage png = ImageIO.read(out.resolve(Experiment.ACCURACY_PNG).toFile());
        assertNotNull(png, "accuracy.png is not a readable PNG");
        assertEquals(2 * AccuracyChart.PANEL_WIDTH, png.getWidth());
        assertEquals(AccuracyChart.PANEL_HEIGHT, png.getHeight());

        List<String> csv = Files.readAllLines(out.resolve(Experiment.RUNS_CSV));
        assertEquals(RunsFiles.CSV_HEADER, csv.get(0));
        assertEquals(1 + 2, csv.size(), "header + 2 models x 1 seed x 1 epoch");
        assertTrue(csv.get(1).startsWith("TinyLinear,7850,1,1,"), csv.get(1));

        String json = Files.readString(out.resolve(Experiment.RUNS_JSON));
        assertTrue(json.contains("\"model\": \"TinyMlp\"") && json.contains("\"testAccuracy\""),
                json);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[2/2] TinyMlp"));
    }
}
