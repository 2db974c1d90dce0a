package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetKindTest {

    @Test
    void parsesIdsLeniently() {
        assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.parse("fashion-mnist"));
        assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.parse("FASHION_MNIST"));
        assertEquals(DatasetKind.CIFAR100, DatasetKind.parse(" cifar100 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetKind.parse("imagenet"));
        assertTrue(e.getMessage().contains("fashion-mnist, mnist, cifar10, cifar100"),
                e.getMessage());
    }

    @Test
    void everyKindNamesEachClass() {
        for (DatasetKind kind : DatasetKind.values()) {
            assertEquals(kind.classes(), kind.classNames().size(), kind.id());
        }
        assertEquals("Ankle boot", DatasetKind.FASHION_MNIST.classNames().get(9));
        assertEquals("truck", DatasetKind.CIFAR10.classNames().get(9));
    }

    @Test
    void defaultDirectoryMissingFilesSayHowToInstall() {
        Path debian = DatasetKind.FASHION_MNIST.defaultDirectory().orElseThrow();
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), debian);
        assertTrue(DatasetKind.FASHION_MNIST.missingHint(debian)
                .contains("apt-get install dataset-fashion-mnist"));
        assertFalse(DatasetKind.FASHION_MNIST.missingHint(Path.of("elsewhere"))
                .contains("apt-get"));
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.CIFAR10.atDefault());
    }

    @Test
    void datasetsLoadsByIdAndDirectory() {
        DataSplits splits = Datasets.load("fashion-mnist", Fixtures.fashionMnistSmall());
        assertEquals(Fixtures.FASHION_SMALL_TRAIN, splits.train().size());
        assertEquals("fashion-mnist train", splits.train().name());
        assertFalse(splits.hasValidation());
    }
}
