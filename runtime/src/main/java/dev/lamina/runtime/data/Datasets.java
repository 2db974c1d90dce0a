package dev.lamina.runtime.data;

import java.nio.file.Path;

/** One-call loading for callers that hold a dataset id and maybe a directory (e.g. a CLI). */
public final class Datasets {

    private Datasets() {}

    /**
     * Loads a dataset by id ({@code fashion-mnist}, {@code mnist}, {@code cifar10},
     * {@code cifar100}) from {@code dir}, or from its default directory when {@code dir} is null.
     *
     * @throws IllegalArgumentException for an unknown id, or a null dir for a dataset without a
     *     default directory
     * @throws DatasetException when the files are missing or damaged
     */
    public static DataSplits load(String kind, Path dir) {
        DatasetKind parsed = DatasetKind.parse(kind);
        return (dir == null ? parsed.atDefault() : parsed.at(dir)).load();
    }
}
