package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RGB sets and more than 10 classes (CIFAR-100) write folders that read back in label order. */
class ImageFolderExportTest {
    @TempDir
    Path dir;

    @Test
    void anRgbSetOfTwelveClassesReadsBackWithItsLabelsAndValues() throws Exception {
        int n = 24;
        Random random = new Random(3);
        float[] values = new float[n * 3 * 4 * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256) / 255f;
        }
        int[] labels = IntStream.range(0, n).map(i -> (i * 5) % 12).toArray();
        LabeledImages set = new LabeledImages("rgb", 3, 4, 5, 12, values, labels);
        List<String> names = IntStream.range(0, 12).mapToObj(i -> "Kind " + i).toList();
        ImageFolderExport.write(set, names, dir);

        assertEquals("07-kind-7", ImageFolderExport.folderName(7, 12, "Kind 7"));
        assertEquals("7-kind-7", ImageFolderExport.folderName(7, 10, "Kind 7"));
        ImageFolders.Loaded read = ImageFolders.load(dir, 3, 4, 5,
                ImageFolders.Options.defaults().withTestFraction(0.5));
        // sorted folder names are label order, so label i reads back as label i
        assertEquals(IntStream.range(0, 12).mapToObj(i -> ImageFolderExport.folderName(i, 12, names.get(i))).toList(),
                read.classNames());
        ImageFolderSet all = (ImageFolderSet) read.splits().train();
        float[] x = new float[60];
        for (int k = 0; k < all.size(); k++) {
            int label = all.read(k, x, 0);
            int index = Integer.parseInt(all.files().get(k).getFileName().toString().replace(".png", ""));
            assertEquals(labels[index], label);
            float[] expected = new float[60];
            System.arraycopy(values, index * 60, expected, 0, 60);
            assertArrayEquals(expected, x, 0f);
        }
    }

    @Test
    void theSameFolderMovedOrNamedRelativelyIsTheSameDataForAResume() throws Exception {
        float[] values = new float[8 * 16];
        int[] labels = {0, 1, 0, 1, 0, 1, 0, 1};
        Path here = dir.resolve("a").resolve("pngs");
        ImageFolderExport.write(new LabeledImages("grey", 1, 4, 4, 2, values, labels), List.of("x", "y"), here);
        ImageFolders.Options options = ImageFolders.Options.defaults().withTestFraction(0.5);
        String before = ImageFolders.load(here, 1, 4, 4, options).splits().train().fingerprint();
        Path moved = java.nio.file.Files.move(dir.resolve("a"), dir.resolve("b")).resolve("pngs");
        Path relative = Path.of("").toAbsolutePath().relativize(moved);

        String atMoved = ImageFolders.load(moved, 1, 4, 4, options).splits().train().fingerprint();
        String atRelative = ImageFolders.load(relative, 1, 4, 4, options).splits().train().fingerprint();
        ImageFolderExport.write(new LabeledImages("grey", 1, 4, 4, 2, values, new int[] {1, 1, 0, 1, 0, 1, 0, 1}),
                List.of("x", "y"), dir.resolve("c").resolve("pngs"));
        String other = ImageFolders.load(dir.resolve("c").resolve("pngs"), 1, 4, 4, options).splits().train()
                .fingerprint();

        assertEquals(before, atMoved, "moved");
        assertEquals(atMoved, atRelative, "named relatively");
        org.junit.jupiter.api.Assertions.assertNotEquals(atMoved, other, "other labels are other data");
    }
}
