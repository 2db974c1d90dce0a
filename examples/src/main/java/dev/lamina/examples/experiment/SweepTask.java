package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.run.RunData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One run of a sweep, trained: the one code path of every {@link RunScheduler}, in this JVM or in
 * a Spark executor.
 */
public final class SweepTask {
    /** The directory under an experiment's {@code --out} that holds one directory per run. */
    public static final String RUNS_DIR = "runs";

    private SweepTask() {
    }

    /**
     * Trains {@code run} of {@code plan} on {@code data} (loaded by {@link #load}) into {@code
     * runDir} ({@link TrainingBackend#train}: a complete run is read back, an interrupted one
     * continues from its last checkpoint).
     */
    public static TrainingBackend.Outcome run(ExperimentPlan plan, SweepRun run, DataSplits data,
                                              Path runDir, PrintStream progress) throws IOException {
        GeneratedNet net = plan.net(run.model());
        return TrainingBackend.train(net, RunData.of(plan.dataset(), data), plan.budget(), run.seed(),
                runDir, progress);
    }

    /** The plan's data: its dataset, from its directory, cut to its training subset. */
    public static DataSplits load(ExperimentPlan plan) {
        return TrainingBackend.load(plan.dataset(), plan.dataDir(), plan.trainSubset());
    }
}
