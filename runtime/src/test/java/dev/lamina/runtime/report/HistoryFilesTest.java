package dev.lamina.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {

    private static final List<EpochStats> HISTORY = List.of(
            new EpochStats(1, 0.61, 0.78, 0.45, 0.84, 12.5, 4800),
            new EpochStats(2, 0.38, 0.86, 0.36, 0.87, 12.1, 4950, 0.0015),
            new EpochStats(3, 0.32, 0.885, 0.33, 0.882, 12.0, 5000, 1.25e-7));

    @TempDir
    Path dir;

    @Test
    void writesCsvJsonAndPngWithOneRowPerEpoch() throws IOException {
        HistoryFiles.writeAll(dir, HISTORY, EvalTarget.VALIDATION);

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

        HistoryFiles.writeAll(out, HISTORY, EvalTarget.TEST);

        for (String name : List.of(HistoryFiles.CSV, HistoryFiles.JSON, HistoryFiles.PNG)) {
            assertEquals("previous " + name, Files.readString(snapshots.resolve(name)), name);
        }
        assertEquals(4, Files.readAllLines(out.resolve(HistoryFiles.CSV)).size());
    }
}
