package dev.lamina.examples.experiment;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * One model trained with one seed: its per-epoch history (serializable: a Spark task returns it).
 *
 * @param model the model's name
 * @param parameters trainable parameter count
 * @param seed the run's seed
 * @param epochs the history, epoch 1 first; never empty
 */
public record RunRecord(String model, long parameters, long seed, List<EpochRecord> epochs)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public RunRecord {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("run of " + model + " has no epochs");
        }
    }

    /** The last epoch. */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Test accuracy after the last epoch: the run's result. */
    public double finalTestAccuracy() {
        return last().testAccuracy();
    }

    /** The epoch with the highest test accuracy (the earliest on ties). */
    public int bestEpoch() {
        return epochs.stream()
                .max(Comparator.comparingDouble(EpochRecord::testAccuracy)
                        .thenComparing(Comparator.comparingInt(EpochRecord::epoch).reversed()))
                .orElseThrow().epoch();
    }

    /** Final train accuracy minus final test accuracy: how much the run overfits. */
    public double trainTestGap() {
        return last().trainAccuracy() - last().testAccuracy();
    }

    /** Mean training seconds per epoch. */
    public double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).average().orElseThrow();
    }
}
