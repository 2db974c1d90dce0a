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
}
