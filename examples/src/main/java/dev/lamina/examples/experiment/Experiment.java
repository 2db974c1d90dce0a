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
        List<GeneratedNet> nets = plan.models().stream().map(models).toList();
        out.println("Lamina dropout experiment, " + plan.describe());
        out.println("Output: " + plan.out().toAbsolutePath());
        Files.createDirectories(plan.out());
        long loadStart = System.nanoTime();
        DataSplits data = TrainingBackend.load(plan.dataset(), plan.dataDir(),
                plan.trainSubset());
        out.printf(Locale.ROOT, "Loaded %d training and %d test images in %.1f s%n",
                data.train().size(), data.test().size(), (System.nanoTime() - loadStart) / 1e9);
        List<RunRecord> runs = new ArrayList<>();
        List<ModelResult> results = List.of();
        int total = nets.size() * plan.seeds().size();
        for (long seed : plan.seeds()) {
            for (GeneratedNet net : nets) {
                out.printf(Locale.ROOT, "[%d/%d] %s (%,d params), seed %d%n", runs.size() + 1, total,
                        net.name(), net.parameterCount(), seed);
                runs.add(TrainingBackend.train(net, data, plan.budget(), seed, out));
                results = Aggregation.summarize(runs, family);
                writeOutputs(runs, results, (System.nanoTime() - start) / 1e9);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        writeOutputs(runs, results, wall);
        out.println();
        out.print(ResultsTable.markdown(plan, results, wall));
        out.printf(Locale.ROOT, "%nWrote %s, %s, %s, %s and %s to %s (%.0f s in all)%n", RESULTS_MD,
                ACCURACY_PNG, ACCURACY_SVG, RUNS_CSV, RUNS_JSON, plan.out(), wall);
        return results;
    }

    private void writeOutputs(List<RunRecord> runs, List<ModelResult> results, double wall)
            throws IOException {
        Path dir = plan.out();
        AtomicFiles.writeString(dir.resolve(RESULTS_MD), ResultsTable.markdown(plan, results, wall));
        RunsFiles.writeCsv(runs, dir.resolve(RUNS_CSV));
        RunsFiles.writeJson(plan, runs, dir.resolve(RUNS_JSON));
        AccuracyChart.write(results, ExperimentCaption.of(plan.describe(), runs), dir.resolve(ACCURACY_PNG));
    }
}
