package dev.lamina.runtime.data;

/**
 * Labelled examples of one shape (C, H, W) that batches are built from, one at a time: in memory
 * ({@link LabeledImages}), image files read from disk on demand ({@link
 * dev.lamina.runtime.data.image.ImageFolderSet}), or a DJL {@code RandomAccessDataset} ({@link
 * DjlDatasetExamples}). Vectors use H = W = 1. {@link #read} may be called from a background
 * thread (the prefetching {@link BatchStream}) and from several at once.
 */
public interface ExampleSet {

    /** What it is, for messages (e.g. {@code "fashion-mnist train"}). */
    String name();

    /** C. */
    int channels();

    /** H. */
    int height();

    /** W. */
    int width();

    /** Number of classes; labels are in [0, classes). */
    int classes();

    /** Number of examples. */
    int size();

    /** Values per example, C * H * W. */
    default int exampleSize() {
        return channels() * height() * width();
    }

    /**
     * Writes example {@code index}'s {@link #exampleSize()} values (channels first) into {@code dst}
     * from {@code offset} and returns its label.
     *
     * @throws DatasetException when the example cannot be read (e.g. a file became unreadable)
     */
    int read(int index, float[] dst, int offset);

    /**
     * Every example's label, when known without reading the examples (needed for stratified
     * splits and subsets); {@code null} otherwise.
     */
    int[] labels();

    /**
     * Float targets per example (multi-label: 0 or 1 per label; regression: values), 0 when the
     * examples carry one class label only, as most sets do.
     */
    default int targetWidth() {
        return 0;
    }

    /** The names of the {@link #targetWidth()} targets (labels, or measured values), in order. */
    default java.util.List<String> targetNames() {
        return java.util.List.of();
    }

    /**
     * Writes example {@code index}'s {@link #targetWidth()} targets into {@code dst} from {@code
     * offset}.
     *
     * @throws UnsupportedOperationException when the set has no targets
     */
    default void readTargets(int index, float[] dst, int offset) {
        throw new UnsupportedOperationException(name() + " has class labels, not targets");
    }

    /** Every example's targets, row by row, when the set has any ({@code null} otherwise). */
    default float[] targets() {
        return null;
    }

    /** The examples at {@code indices}, in that order, as a set named {@code newName}. */
    ExampleSet select(String newName, int[] indices);

    /**
     * A stratified random subset of {@code n} examples, the same for the same seed; this set when
     * {@code n >= size()}.
     *
     * @throws UnsupportedOperationException when the labels are not known ahead ({@link #labels()})
     */
    default ExampleSet subset(int n, long seed) {
        if (n >= size()) {
            return this;
        }
        int[] labels = knownLabels(this, "a stratified subset");
        int[] chosen = Sampling.stratified(labels, classes(), n, Seeds.random(seed, Seeds.SUBSET));
        return select(name() + " (subset of " + n + ")", chosen);
    }

    /**
     * A short phrase that changes when the content changes (size, shape, classes and a checksum),
     * saved in checkpoints so a resume on other data is refused.
     */
    String fingerprint();

    /** The set's labels, or a clear exception saying that {@code purpose} needs them. */
    static int[] knownLabels(ExampleSet set, String purpose) {
        int[] labels = set.labels();
        if (labels == null) {
            throw new UnsupportedOperationException(set.name() + " does not know its labels without"
                    + " reading every example, so " + purpose + " cannot be drawn from it; split it"
                    + " yourself (e.g. DJL's RandomAccessDataset.randomSplit)");
        }
        return labels;
    }
}
