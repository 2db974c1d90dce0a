package dev.lamina.examples.experiment;

import java.io.Serializable;

/**
 * One run of an experiment's sweep: one model with one seed. It is the unit a {@link
 * RunScheduler} runs (one Spark task on a cluster), and it names the run's directory.
 *
 * @param model the model's name, as the plan lists it
 * @param seed the run's seed
 */
public record SweepRun(String model, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The run directory's name under the experiment's runs directory, e.g. {@code Plain-seed1}. */
    public String dirName() {
        return model + "-seed" + seed;
    }
}
