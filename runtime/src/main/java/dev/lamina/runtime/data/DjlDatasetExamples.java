package dev.lamina.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException.Problem;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A DJL {@link RandomAccessDataset} as an {@link ExampleSet}, so a user's own DJL dataset trains
 * with Lamina's loop (shuffling, prefetch, checkpoints, progress): each record's first data array
 * is one example, of shape (C, H, W), (H, W) (read as (1, H, W)) or (features); its first label
 * array holds the class as one number. Records are read when a batch is built, on the prefetch
 * thread; the DJL dataset's own batchifier and sampler are not used.
 *
 * <p>The labels are not known before reading, so stratified splits are not offered (split with
 * DJL's {@code randomSplit}), and a label outside the model's outputs is refused when its batch is
 * built rather than before the first step. The example shape is checked before the first step,
 * from record 0.
 */
public final class DjlDatasetExamples implements ExampleSet {

    private final String name;
    private final RandomAccessDataset dataset;
    private final int classes;
    private final int[] indices;
    private final long[] shape;

    private DjlDatasetExamples(String name, RandomAccessDataset dataset, int classes, int[] indices, long[] shape) {
        this.name = name;
        this.dataset = dataset;
        this.classes = classes;
        this.indices = indices;
        this.shape = shape;
    }

    /**
     * Wraps {@code dataset} (prepared: {@code prepare()} already called when it needs it).
     *
     * @param classes number of classes; labels are in [0, classes)
     * @throws InvalidInputException when the dataset is empty or too large, or its records are not
     *     examples of rank 1 to 3
     */
    public static DjlDatasetExamples of(String name, RandomAccessDataset dataset, int classes) {
        Objects.requireNonNull(dataset, "dataset");
        long size = dataset.size();
        if (size > Integer.MAX_VALUE) {
            throw new InvalidInputException(name + ": " + size + " records are more than one epoch can index");
        }
        if (classes <= 0) {
            throw new InvalidInputException(name + ": classes must be positive, got " + classes);
        }
        long[] shape = {0, 1, 1};
        if (size > 0) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Shape first = record(dataset, manager, 0, name).getData().head().getShape();
                long[] dims = first.getShape();
                shape = switch (dims.length) {
                    case 3 -> dims;
                    case 2 -> new long[] {1, dims[0], dims[1]};
                    case 1 -> new long[] {dims[0], 1, 1};
                    default -> throw new InvalidInputException(name + ": record 0 holds an array of shape " + first
                            + "; one example must be (C, H, W), (H, W) or (features), without a batch axis");
                };
            }
        }
        int[] all = new int[(int) size];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new DjlDatasetExamples(name, dataset, classes, all, shape);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int channels() {
        return (int) shape[0];
    }

    @Override
    public int height() {
        return (int) shape[1];
    }

    @Override
    public int width() {
        return (int) shape[2];
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int read(int index, float[] dst, int offset) {
        int record = indices[index];
        try (NDManager manager = NDManager.newBaseManager()) {
            Record r = record(dataset, manager, record, name);
            NDArray x = r.getData().head();
            if (x.size() != exampleSize()) {
                throw new InvalidInputException(name + ": record " + record + " holds an array of shape "
                        + x.getShape() + ", but record 0's shape was (" + channels() + ", " + height() + ", "
                        + width() + "); every example must have the same shape");
            }
            float[] values = x.toType(DataType.FLOAT32, false).toFloatArray();
            System.arraycopy(values, 0, dst, offset, values.length);
            NDArray label = r.getLabels().head();
            if (label.size() != 1) {
                throw new InvalidInputException(name + ": record " + record + " has a label array of shape "
                        + label.getShape() + "; a classification label is one class number");
            }
            return (int) label.toType(DataType.FLOAT64, false).getDouble();
        }
    }

    /** Unknown before reading: {@code null}. */
    @Override
    public int[] labels() {
        return null;
    }

    @Override
    public DjlDatasetExamples select(String newName, int[] picked) {
        int[] records = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            records[i] = indices[picked[i]];
        }
        return new DjlDatasetExamples(newName, dataset, classes, records, shape);
    }

    /** The dataset's class, size and shape; the records themselves are not checksummed. */
    @Override
    public String fingerprint() {
        return String.format(Locale.ROOT, "'%s' (%s, %d records of %dx%dx%d, %d classes, index checksum %08x)", name,
                dataset.getClass().getName(), size(), channels(), height(), width(), classes,
                java.util.Arrays.hashCode(indices));
    }

    private static Record record(RandomAccessDataset dataset, NDManager manager, long index, String name) {
        try {
            return dataset.get(manager, index);
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, null, name + ": record " + index + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
