package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.ExampleSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV manifests: both layouts, paths relative to the manifest, every bad row by its line, stop or skip. */
class ImageManifestTest {

    @TempDir
    Path dir;

    private void image(String name, int value) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static ImageFolders.Options options(boolean skip) {
        return ImageFolders.Options.defaults().withSkipBadImages(skip).withTestFraction(0.25).withSeed(1);
    }

    /** Every example of both splits, as (first pixel value, targets). */
    private static List<String> rows(ImageManifest.Loaded loaded) {
        List<String> rows = new java.util.ArrayList<>();
        for (ExampleSet set : List.of(loaded.splits().train(), loaded.splits().test())) {
            float[] pixels = new float[16];
            float[] targets = new float[set.targetWidth()];
            for (int i = 0; i < set.size(); i++) {
                set.read(i, pixels, 0);
                set.readTargets(i, targets, 0);
                rows.add(Math.round(pixels[0] * 255) + "=" + java.util.Arrays.toString(targets));
            }
        }
        java.util.Collections.sort(rows);
        return rows;
    }

    @Test
    void aLabelsManifestMakesOneTargetPerLabelInSortedOrder() throws IOException {
        for (int i = 0; i < 4; i++) {
            image("img/" + i + ".png", 10 * i);
        }
        Files.writeString(dir.resolve("m.csv"), "file,labels\nimg/0.png,cat|dog\nimg/1.png,dog\nimg/2.png,\n"
                + "img/3.png, bird | cat \n");
        ImageManifest.Loaded loaded = ImageManifest.load(dir.resolve("m.csv"), 1, 4, 4, options(false), "|");
        assertEquals(List.of("bird", "cat", "dog"), loaded.targetNames());
        assertEquals(List.of("0=[0.0, 1.0, 1.0]", "10=[0.0, 0.0, 1.0]", "20=[0.0, 0.0, 0.0]", "30=[1.0, 1.0, 0.0]"),
                rows(loaded));
        assertEquals(1, loaded.splits().test().size());
    }

    @Test
    void aColumnsManifestReadsNumbersAndPathsRelativeToItsFolder() throws IOException {
        image("data/a.png", 50);
        image("data/b.png", 60);
        image("data/c.png", 70);
        image("data/d.png", 80);
        Files.writeString(dir.resolve("data/values.csv"), "file,x,y\na.png,1.5,-2\nb.png,3,4\nc.png,5,6\nd.png,7,8e0\n");
        ImageManifest.Loaded loaded = ImageManifest.load(dir.resolve("data/values.csv"), 1, 4, 4, options(false), "|");
        assertEquals(List.of("x", "y"), loaded.targetNames());
        assertEquals(List.of("50=[1.5, -2.0]", "60=[3.0, 4.0]", "70=[5.0, 6.0]", "80=[7.0, 8.0]"), rows(loaded));
        assertArrayEquals(new int[loaded.splits().train().size()], loaded.splits().train().labels());
    }

    @Test
    void everyBadRowIsReportedByItsLineAndSkippingLeavesThemOut() throws IOException {
        for (int i = 0; i < 5; i++) {
            image("ok" + i + ".png", i);
        }
        Files.writeString(dir.resolve("broken.png"), "not a png");
        Files.writeString(dir.resolve("m.csv"), "file,angle\nok0.png,1\nok1.png,2,3\nmissing.png,4\n,5\nok2.png,NaN\n"
                + "broken.png,6\nok3.png,seven\nok4.png,8\n\nok0.png,9\n");
        DatasetException stop = assertThrows(DatasetException.class,
                () -> ImageManifest.load(dir.resolve("m.csv"), 1, 4, 4, options(false), "|"));
        assertTrue(stop.getMessage().startsWith(dir.resolve("m.csv") + ": line 3: has 3 column(s), but the header has 2"
                + " (6 bad row(s) in the manifest;"), stop.getMessage());
        ImageManifest.Loaded skipped = ImageManifest.load(dir.resolve("m.csv"), 1, 4, 4, options(true), "|");
        assertEquals(List.of(3, 4, 5, 6, 7, 8), skipped.skipped().stream().map(ImageManifest.BadRow::line).toList());
        assertEquals(DatasetException.Problem.MISSING_FILE, skipped.skipped().get(1).problem());
        assertTrue(skipped.skipped().get(3).message().contains("'angle' is NaN, not a finite number"));
        assertEquals(List.of("0=[1.0]", "0=[9.0]", "4=[8.0]"), rows(skipped));
    }

    @Test
    void aHeaderWithoutFileIsRefusedOnLineOne() throws IOException {
        Files.writeString(dir.resolve("m.csv"), "path,angle\na.png,1\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> ImageManifest.load(dir.resolve("m.csv"), 1, 4, 4, options(false), "|"));
        assertTrue(e.getMessage().contains("line 1: the header is 'path,angle'"), e.getMessage());
        assertEquals(DatasetException.Problem.BAD_ROW, e.problem());
    }
}
