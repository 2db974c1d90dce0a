package dev.lamina.runtime.report;

import dev.lamina.runtime.io.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {

    private static final List<EpochStats> HISTORY = List.of(
            new EpochStats(1, 0.61, 0.78, 0.45, 0.84, 12.5, 4800),
            new EpochStats(2, 0.38, 0.86, 0.36, 0.87, 12.1, 4950, 0.0015),
            new EpochStats(3, 0.32, 0.885, 0.33, 0.882, 12.0, 5000, 1.25e-7));

    private static final RunCaption CAPTION = new RunCaption("FashionCnn", "train-FashionCnn",
            List.of("training: fashion-mnist train (54,000 images)", "2 epoch(s), batch 64, seed 42"));

    @TempDir
    Path dir;

    @Test
    void writesCsvJsonAndPngWithOneRowPerEpoch() throws IOException {
        HistoryFiles.writeAll(dir, HISTORY, "validation", CAPTION);

        List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds,images_per_second,"
                + "learning_rate", csv.get(0));
        assertEquals("1,0.610000,0.780000,0.450000,0.840000,12.500,4800.0,", csv.get(1), "an unknown rate is empty");
        assertEquals("2,0.380000,0.860000,0.360000,0.870000,12.100,4950.0,0.00150000", csv.get(2));
        assertEquals("3,0.320000,0.885000,0.330000,0.882000,12.000,5000.0,1.25000e-07", csv.get(3));
        assertEquals(4, csv.size());

        Map<String, Object> json = Json.asObject(Json.parse(Files.readString(dir.resolve("history.json"))), "history");
        assertEquals("validation", json.get("eval"));
        assertEquals(HISTORY, Json.asArray(json.get("epochs"), "epochs").stream()
                .map(row -> EpochStats.fromJson(Json.asObject(row, "row"))).toList());

        BufferedImage png = ImageIO.read(dir.resolve("history.png").toFile());
        assertNotNull(png, "history.png is a readable PNG");
        assertEquals(800, png.getWidth());
        assertEquals(600, png.getHeight());
        String svg = Files.readString(dir.resolve("history.svg"));
        assertTrue(svg.contains("<svg ") && svg.contains("width='800.0' height='600.0'"),
                "history.svg is an SVG of the PNG's size: " + svg.substring(0, Math.min(300, svg.length())));
        assertTrue(svg.contains("FashionCnn, run train-FashionCnn"), "the SVG has the chart's title as text");
    }

    @Test
    void theChartNamesItsModelAndRunAndSaysWhatWasTrained() {
        JFreeChart chart = HistoryChart.chart(HISTORY, "validation", CAPTION);
        assertEquals("FashionCnn, run train-FashionCnn", chart.getTitle().getText());
        List<String> subtitles = chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(t -> ((TextTitle) t).getText()).toList();
        assertEquals(CAPTION.details(), subtitles);
    }

    @Test
    void withoutTheOptionalChartLibrariesTheHistoryHasCsvAndJsonButNoChart() throws Exception {
        // lamina-runtime's own classes, loaded where JFreeChart and JFreeSVG are not visible: what
        // an application gets that depends on lamina-runtime without the optional chart jars
        URL runtimeClasses = HistoryFiles.class.getProtectionDomain().getCodeSource().getLocation();
        // (with Gson, a required dependency: the history's JSON is written through it)
        URL gson = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutCharts = new URLClassLoader(new URL[] {runtimeClasses, gson},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> files = withoutCharts.loadClass(HistoryFiles.class.getName());
            Class<?> caption = withoutCharts.loadClass(RunCaption.class.getName());
            assertEquals(false, files.getMethod("chartsAvailable").invoke(null));
            Object noDetails = caption.getConstructor(String.class, String.class, List.class)
                    .newInstance("FashionCnn", "run", List.of());
            files.getMethod("writeAll", Path.class, List.class, String.class, caption)
                    .invoke(null, dir, List.of(), "test", noDetails);
        }
        assertEquals(List.of("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,images_per_second,"
                + "learning_rate"), Files.readAllLines(dir.resolve(HistoryFiles.CSV)));
        assertTrue(Files.exists(dir.resolve(HistoryFiles.JSON)));
        assertFalse(Files.exists(dir.resolve(HistoryFiles.PNG)), "no chart without JFreeChart");
        assertFalse(Files.exists(dir.resolve(HistoryFiles.SVG)));
        assertTrue(HistoryFiles.chartsAvailable(), "this test's own classpath has them");
    }

    @Test
    void rewritingReplacesEachFileWholeInsteadOfWritingIntoTheOldOne() throws IOException {
        // a reader (or a copy made by a hard link) of the previous files keeps complete old files:
        // the new content goes to a new file that is renamed over the name
        Path snapshots = Files.createDirectory(dir.resolve("snapshots"));
        Path out = Files.createDirectory(dir.resolve("out"));
        for (String name : List.of(HistoryFiles.CSV, HistoryFiles.JSON, HistoryFiles.PNG)) {
            Files.writeString(snapshots.resolve(name), "previous " + name);
            Files.createLink(out.resolve(name), snapshots.resolve(name));
        }

        HistoryFiles.writeAll(out, HISTORY, "test", CAPTION);

        for (String name : List.of(HistoryFiles.CSV, HistoryFiles.JSON, HistoryFiles.PNG)) {
            assertEquals("previous " + name, Files.readString(snapshots.resolve(name)), name);
        }
        assertEquals(4, Files.readAllLines(out.resolve(HistoryFiles.CSV)).size());
    }
}
