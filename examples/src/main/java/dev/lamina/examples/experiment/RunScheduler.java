package dev.lamina.examples.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the runs of an experiment's sweep execute. {@link #sequential} trains them one after the
 * other in this JVM (the default); a distributed scheduler (lamina-spark's, found through {@link
 * java.util.ServiceLoader} by {@link #distributed}) runs each as a task on a cluster. Every scheduler trains
 * a run with the same call, {@link SweepTask#run}, so a run gives the same result wherever it
 * runs; the driver writes the experiment's files from the records it gets back.
 */
public interface RunScheduler {

    /**
     * Runs every run of {@code runs}, calling {@code done} on the calling thread with each outcome
     * as it arrives (in any order).
     *
     * @throws IOException when a run's files cannot be read or written
     */
    void run(ExperimentPlan plan, List<SweepRun> runs, Consumer<TrainingBackend.Outcome> done,
             PrintStream out) throws IOException;

    /** Trains the runs one after another in this JVM, loading the data once. */
    static RunScheduler sequential() {
        return SequentialScheduler.INSTANCE;
    }

    /**
     * Makes a distributed scheduler: what a {@code --spark MASTER} names.
     */
    interface Provider {
        /**
         * A scheduler on {@code master} ({@code local[N]}, {@code spark://host:port}, ... or
         * {@code submit} for the master {@code spark-submit} configured), storing the run
         * directories under {@code runsUri} (a Hadoop file system URI).
         */
        RunScheduler scheduler(String master, String runsUri);
    }

    /**
     * The distributed scheduler of the {@link Provider} on the class path.
     *
     * @throws dev.lamina.runtime.InvalidInputException when none is there (lamina-spark's jars
     *     are not on the class path), saying how to add them
     */
    static RunScheduler distributed(String master, String runsUri) {
        return SparkServices.find(Provider.class, master).scheduler(master, runsUri);
    }
}
