package dev.lamina.runtime.data.cifar;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The directory layouts of the CIFAR binary versions, as the archives unpack: CIFAR-10's
 * {@code data_batch_1.bin} .. {@code data_batch_5.bin} and {@code test_batch.bin}, CIFAR-100's
 * {@code train.bin} and {@code test.bin} (fine labels, 100 classes). The files may sit in the given
 * directory or in the archive's own sub-directory ({@code cifar-10-batches-bin/},
 * {@code cifar-100-binary/}).
 */
public final class CifarFiles {

    /** Sub-directory the CIFAR-10 binary archive unpacks to. */
    public static final String CIFAR10_SUBDIR = "cifar-10-batches-bin";
    /** Sub-directory the CIFAR-100 binary archive unpacks to. */
    public static final String CIFAR100_SUBDIR = "cifar-100-binary";

    private CifarFiles() {}

    /** Loads CIFAR-10 (10 classes) from {@code dir} or {@code dir/cifar-10-batches-bin}. */
    public static DataSplits loadCifar10(Path dir, String hint) {
        List<String> subdirs = List.of("", CIFAR10_SUBDIR);
        List<Path> train = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> find(dir, subdirs, "data_batch_" + i + ".bin", "cifar10", hint))
                .toList();
        Path test = find(dir, subdirs, "test_batch.bin", "cifar10", hint);
        return new DataSplits(CifarReader.read(train, "cifar10 train", 1, 10),
                CifarReader.read(List.of(test), "cifar10 test", 1, 10));
    }

    /** Loads CIFAR-100 with its fine labels (100 classes) from {@code dir} or {@code dir/cifar-100-binary}. */
    public static DataSplits loadCifar100(Path dir, String hint) {
        List<String> subdirs = List.of("", CIFAR100_SUBDIR);
        Path train = find(dir, subdirs, "train.bin", "cifar100", hint);
        Path test = find(dir, subdirs, "test.bin", "cifar100", hint);
        return new DataSplits(CifarReader.read(List.of(train), "cifar100 train", 2, 100),
                CifarReader.read(List.of(test), "cifar100 test", 2, 100));
    }

    private static Path find(Path dir, List<String> subdirs, String name, String dataset,
                             String hint) {
        return DatasetFiles.find(dir, subdirs, List.of(name), dataset + " file " + name, hint);
    }
}
