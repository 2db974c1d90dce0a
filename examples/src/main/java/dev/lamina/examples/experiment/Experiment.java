package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.GeneratedNet;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs an {@link ExperimentPlan}: loads the data once, trains every model with every seed on the
 * same budget, and rewrites the outputs after each run, each file atomically (so an interrupted
 * experiment keeps what finished, and no file is ever half written).
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
    private final Function<String, GeneratedNet> models;
    private final ExperimentFamily family;
    private final PrintStream out;

    /**
     * @param plan what to run
     * @param models resolves a model name of the plan to its generated Net
     * @param family where each model sits on the dropout-rate chart
     * @param out progress output
     */
    public Experiment(ExperimentPlan plan, Function<String, GeneratedNet> models,
                      ExperimentFamily family, PrintStream out) {
        this.plan = plan;
        this.models = models;
        this.family = family;
        this.out = out;
    }

    /** Runs the plan and returns the per-model results. */
    public List<ModelResult> run() throws IOException {
        long start = System.nanoTime();
        Machine machine = Machine.current();
        Machine.Load before = Machine.Load.now();
        List<GeneratedNet> nets = plan.models().stream().map(models).toList();
        out.println("Lamina dropout experiment, " + plan.describe());
        out.println("Output: " + plan.out().toAbsolutePath());
        out.println("Machine: " + machine.describe() + "; load average (1 / 5 / 15 min) " + before.describe()
                + " (training speed depends on both)");
        Files.createDirectories(plan.out());
        long loadStart = System.nanoTime();
        DataSplits data = TrainingBackend.load(plan.dataset(), plan.dataDir(),
                plan.trainSubset());
        out.printf(Locale.ROOT, "Loaded %d training and %d test images in %.1f s%n",
                data.train().size(), data.test().size(), (System.nanoTime() - loadStart) / 1e9);
        List<RunRecord> runs = new ArrayList<>();
        List<ModelResult> results = List.of();
        int total = nets.size() * plan.seeds().size();
        long runsStart = System.nanoTime();
        for (long seed : plan.seeds()) {
            for (GeneratedNet net : nets) {
                out.printf(Locale.ROOT, "[%d/%d] %s (%,d params), seed %d%n", runs.size() + 1, total,
                        net.name(), net.parameterCount(), seed);
                runs.add(TrainingBackend.train(net, data, plan.budget(), seed, out));
                results = Aggregation.summarize(runs, family);
                writeOutputs(runs, results, (System.nanoTime() - start) / 1e9,
                        new Conditions(machine, before, Machine.Load.now()));
                out.println(progress(runs.size(), total, (System.nanoTime() - runsStart) / 1e9));
            }
        }
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
