package dev.lamina.examples.experiment;

import dev.lamina.runtime.data.DataSplits;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** {@link RunScheduler#sequential}: the runs one after another in this JVM, the data loaded once. */
final class SequentialScheduler implements RunScheduler {
    static final SequentialScheduler INSTANCE = new SequentialScheduler();

    private SequentialScheduler() {
    }

    @Override
    public void run(ExperimentPlan plan, List<SweepRun> runs, Consumer<TrainingBackend.Outcome> done,
                    PrintStream out) throws IOException {
        long loadStart = System.nanoTime();
        DataSplits data = SweepTask.load(plan);
        out.printf(Locale.ROOT, "Loaded %d training and %d test images in %.1f s%n",
                data.train().size(), data.test().size(), (System.nanoTime() - loadStart) / 1e9);
        int i = 0;
        for (SweepRun run : runs) {
            i++;
            out.printf(Locale.ROOT, "[%d/%d] %s (%,d params), seed %d%n", i, runs.size(), run.model(),
                    plan.net(run.model()).parameterCount(), run.seed());
            done.accept(SweepTask.run(plan, run, data,
                    plan.out().resolve(SweepTask.RUNS_DIR).resolve(run.dirName()), out));
        }
    }
}
