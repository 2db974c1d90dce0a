package dev.lamina.examples.experiment;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs an {@link ExperimentPlan}: trains every model with every seed on the same budget, through
 * a {@link RunScheduler} (in this JVM, or as tasks on a Spark cluster), and rewrites the outputs
 * after each run, each file atomically (so an interrupted experiment keeps what finished, and no
 * file is ever half written).
 */
public final class Experiment {
    /** Files written into the output directory. */
    public static final String RESULTS_MD = "results.md";
    public static final String ACCURACY_PNG = "accuracy.png";
    /** The same figure as SVG, written beside the PNG. */
    public static final String ACCURACY_SVG = "accuracy.svg";
    public static final String RUNS_CSV = "runs.csv";
    public static final String RUNS_JSON = "runs.json";

    private final ExperimentPlan plan;
    private final ExperimentFamily family;
    private final RunScheduler scheduler;
    private final PrintStream out;

    /**
     * @param plan what to run
     * @param family where each model sits on the dropout-rate chart
     * @param scheduler where the runs train ({@link RunScheduler#sequential} in this JVM)
     * @param out progress output
     */
    public Experiment(ExperimentPlan plan, ExperimentFamily family, RunScheduler scheduler, PrintStream out) {
        this.plan = plan;
        this.family = family;
        this.scheduler = scheduler;
        this.out = out;
    }

    /**
     * Runs the plan and returns the per-model results. Each run trains into its own directory
     * under {@code <out>/}{@value SweepTask#RUNS_DIR} (or the scheduler's shared storage); a run
     * complete there already is read back, not trained again.
     */
    public List<ModelResult> run() throws IOException {
        long start = System.nanoTime();
        Machine machine = Machine.current();
        Machine.Load before = Machine.Load.now();
        List<SweepRun> sweep = plan.sweep();
        out.println("Lamina dropout experiment, " + plan.describe());
        out.println("Output: " + plan.out().toAbsolutePath());
        out.println("Machine: " + machine.describe() + "; load average (1 / 5 / 15 min) " + before.describe()
                + " (training speed depends on both)");
        Files.createDirectories(plan.out());
        List<RunRecord> runs = new ArrayList<>();
        long runsStart = System.nanoTime();
        scheduler.run(plan, sweep, outcome -> {
            RunRecord run = outcome.run();
            if (outcome.skipped()) {
                out.printf(Locale.ROOT, "%s, seed %d: complete already, read back from its run directory%n",
                        run.model(), run.seed());
            }
            runs.add(run);
            runs.sort(Comparator.comparingInt(r -> sweep.indexOf(new SweepRun(r.model(), r.seed()))));
            try {
                writeOutputs(runs, Aggregation.summarize(runs, family), (System.nanoTime() - start) / 1e9,
                        new Conditions(machine, before, Machine.Load.now()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(progress(runs.size(), sweep.size(), (System.nanoTime() - runsStart) / 1e9));
        }, out);
        List<ModelResult> results = Aggregation.summarize(runs, family);
        double wall = (System.nanoTime() - start) / 1e9;
        Conditions conditions = new Conditions(machine, before, Machine.Load.now());
        writeOutputs(runs, results, wall, conditions);
        out.println();
        out.print(ResultsTable.markdown(plan, results, wall, conditions));
        out.printf(Locale.ROOT, "%nWrote %s, %s, %s, %s and %s to %s (%.0f s in all)%n", RESULTS_MD,
                ACCURACY_PNG, ACCURACY_SVG, RUNS_CSV, RUNS_JSON, plan.out(), wall);
        return results;
    }

    /**
     * The experiment's overall progress after {@code done} of {@code total} runs, with an ETA for
     * the rest from the mean time of the runs so far (the runs of one plan have one budget, so
     * their times differ by model and by the machine's load, not by size of work).
     */
    static String progress(int done, int total, double runSeconds) {
        if (done >= total) {
            return String.format(Locale.ROOT, "experiment: %d/%d runs done in %s", done, total,
                    clock(runSeconds));
        }
        double eta = runSeconds / done * (total - done);
        return String.format(Locale.ROOT, "experiment: %d/%d runs done in %s; ETA %s for the other %d"
                        + " (from the mean run so far)", done, total, clock(runSeconds), clock(eta),
                total - done);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Refuses to continue the experiment in {@code plan.out()} under another plan: its {@value
     * #RUNS_JSON}, when there is one, must describe this plan (same models, seeds, budget and data).
     *
     * @throws InvalidInputException naming both plans
     */
    public static void requireSamePlan(ExperimentPlan plan, String option) {
        Path runsJson = plan.out().resolve(RUNS_JSON);
        if (!Files.isDirectory(plan.out())) {
            throw new InvalidInputException(option + ": " + plan.out() + " holds no experiment to continue;"
                    + " leave " + option + " out to start one there.");
        }
        if (!Files.exists(runsJson)) {
            return;
        }
        String recorded;
        try {
            recorded = RunsFiles.readJson(runsJson).plan();
        } catch (IOException e) {
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
        if (!recorded.equals(plan.describe())) {
            throw new InvalidInputException(option + ": the experiment in " + plan.out() + " ran "
                    + recorded + "; these options give " + plan.describe() + ". Give the options it"
                    + " ran with, or another --out.");
        }
    }

    /** The machine an experiment ran on and its load average at the start and at the last write. */
    public record Conditions(Machine machine, Machine.Load before, Machine.Load after) {}

    private void writeOutputs(List<RunRecord> runs, List<ModelResult> results, double wall,
                              Conditions conditions) throws IOException {
        Path dir = plan.out();
        AtomicFiles.writeString(dir.resolve(RESULTS_MD), ResultsTable.markdown(plan, results, wall, conditions));
        RunsFiles.writeCsv(runs, dir.resolve(RUNS_CSV));
        RunsFiles.writeJson(plan, runs, conditions, dir.resolve(RUNS_JSON));
        AccuracyChart.write(results, ExperimentCaption.of(plan.describe(), runs), dir.resolve(ACCURACY_PNG));
    }
}
