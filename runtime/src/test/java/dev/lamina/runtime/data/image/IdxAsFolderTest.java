package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Fixtures;
import dev.lamina.runtime.data.LabeledImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Fashion-MNIST images written as PNGs come back through the folder path bit for bit. */
class IdxAsFolderTest {

    @TempDir
    Path dir;

    @Test
    void everyPngOfTheFixtureReadsBackAsItsIdxValuesAndLabel() throws IOException {
        DataSplits idx = DatasetKind.FASHION_MNIST.at(Fixtures.fashionMnistSmall()).load();
        LabeledImages train = LabeledImages.copyOf(idx.train());
        LabeledImages test = LabeledImages.copyOf(idx.test());
        ImageFolderExport.write(train, DatasetKind.FASHION_MNIST.classNames(), dir.resolve("train"));
        ImageFolderExport.write(test, DatasetKind.FASHION_MNIST.classNames(), dir.resolve("test"));

        ImageFolders.Loaded folder = ImageFolders.load(dir, 1, 28, 28);

        assertEquals("0-t-shirt-top", folder.classNames().get(0));
        assertEquals("9-ankle-boot", folder.classNames().get(9));
        assertSame(train, (ImageFolderSet) folder.splits().train());
        assertSame(test, (ImageFolderSet) folder.splits().test());
    }

    /** Each folder example equals the IDX example its file was written from (file name = IDX index). */
    private static void assertSame(LabeledImages idx, ImageFolderSet folder) {
        assertEquals(idx.size(), folder.size());
        float[] x = new float[784];
        for (int i = 0; i < folder.size(); i++) {
            String name = folder.files().get(i).getFileName().toString();
            int index = Integer.parseInt(name.substring(0, name.indexOf('.')));
            int label = folder.read(i, x, 0);
            assertEquals(idx.labels()[index], label, name);
            float[] expected = new float[784];
            idx.read(index, expected, 0);
            assertArrayEquals(expected, x, name);
        }
    }
}
