package dev.lamina.runtime.data;

/**
 * Something that yields a dataset's splits: a dataset on disk ({@link DatasetKind#at}), or in
 * tests a set built in memory. Each call loads afresh.
 */
@FunctionalInterface
public interface DatasetSource {

    /**
     * Loads the training and test sets.
     *
     * @throws DatasetException when the data cannot be read
     */
    DataSplits load();
}
