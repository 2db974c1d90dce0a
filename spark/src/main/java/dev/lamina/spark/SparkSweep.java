package dev.lamina.spark;

import dev.lamina.examples.experiment.ExperimentPlan;
import dev.lamina.examples.experiment.RunScheduler;
import dev.lamina.examples.experiment.SweepRun;
import dev.lamina.examples.experiment.SweepTask;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The experiment's sweep on Spark: each (model, seed) run is one Spark job of one task, all
 * submitted at once, so Spark runs as many at a time as the cluster has task slots (one training
 * per executor core, or per GPU with {@code spark.task.resource.gpu.amount}). A task trains with
 * {@link SweepTask#run}, the code of the sequential run, into its run directory in the {@link
 * RunStore}; the driver gets the run's record back and the experiment writes its files from them
 * as they arrive.
 *
 * <p>Failures: a lost executor or any other exception is retried by Spark ({@code
 * spark.task.maxFailures}), and the retry continues from the run's last checkpoint (a complete run
 * is read back). A failure that no retry can fix (bad data, a refused checkpoint, a diverged
 * training, a bad setting) is returned by the task instead of thrown, so it is not retried: the
 * sweep stops and reports it once.
 */
public final class SparkSweep implements RunScheduler {
    private final String master;
    private final String runsUri;

    /** Found by {@link RunScheduler#distributed} through {@link java.util.ServiceLoader}. */
    public static final class Provider implements RunScheduler.Provider {
        @Override
        public RunScheduler scheduler(String master, String runsUri) {
            return new SparkSweep(master, runsUri);
        }
    }

    SparkSweep(String master, String runsUri) {
        this.master = master;
        this.runsUri = runsUri;
    }

    /** What one task sends back: the run's outcome, or why it cannot succeed on any retry. */
    record Result(TrainingBackend.Outcome outcome, String failure) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void run(ExperimentPlan plan, List<SweepRun> runs, Consumer<TrainingBackend.Outcome> done,
                    PrintStream out) throws IOException {
        if (master.matches("local\\[(\\*|[2-9]|\\d{2,})(,\\d+)?]")) {
            out.println("Note: " + master + " trains several runs in this one JVM, which share PyTorch's random"
                    + " generator: initial weights and dropout masks then differ from a sequential run's."
                    + " For runs identical to the sequential ones use local[1] or a cluster with one core"
                    + " per executor (docs/scale-out.md).");
        }
        try (JavaSparkContext sc = SparkJobs.start(master, "lamina experiment")) {
            PlanSpec spec = PlanSpec.of(plan);
            RunStore store = RunStore.of(runsUri, sc.hadoopConfiguration());
            out.printf(Locale.ROOT, "Spark %s, master %s (%d task slots); run directories in %s%n",
                    sc.version(), sc.master(), sc.defaultParallelism(), store.describe());
            Map<SweepRun, JavaFutureAction<List<Result>>> pending = new LinkedHashMap<>();
            for (SweepRun run : runs) {
                sc.setJobDescription(run.dirName());
                pending.put(run, sc.parallelize(List.of(run), 1).map(r -> train(spec, store, r)).collectAsync());
            }
            while (!pending.isEmpty()) {
                List<SweepRun> finished = new ArrayList<>();
                for (Map.Entry<SweepRun, JavaFutureAction<List<Result>>> job : pending.entrySet()) {
                    if (job.getValue().isDone()) {
                        finished.add(job.getKey());
                        Result result = result(job.getKey(), job.getValue());
                        if (result.failure() != null) {
                            pending.values().forEach(f -> f.cancel(true));
                            throw new InvalidInputException(result.failure());
                        }
                        done.accept(result.outcome());
                    }
                }
                finished.forEach(pending::remove);
                if (finished.isEmpty()) {
                    sleep();
                }
            }
        }
    }

    private static Result result(SweepRun run, JavaFutureAction<List<Result>> job) {
        try {
            return job.get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Result(null, run.dirName() + " failed on Spark after its retries: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted while waiting for " + run.dirName());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The data of each plan, loaded once per executor JVM. */
    private static final Map<PlanSpec, DataSplits> DATA = new ConcurrentHashMap<>();

    /** One task: trains {@code run} in the executor, with the sequential run's code. */
    static Result train(PlanSpec spec, RunStore store, SweepRun run) throws IOException {
        ExperimentPlan plan = spec.plan();
        try {
            DataSplits data = DATA.computeIfAbsent(spec, s -> SweepTask.load(plan));
            var dir = store.open(run.dirName());
            TrainingBackend.Outcome outcome = SweepTask.run(plan, run, data, dir, System.out);
            store.commit(run.dirName(), dir);
            return new Result(outcome, null);
        } catch (InvalidInputException | DatasetException | CheckpointException | TrainingDivergedException e) {
            return new Result(null, run.dirName() + ": " + e.getMessage());
        }
    }
}
