package dev.lamina.examples.experiment;

import java.util.List;
import java.util.Locale;

/** Renders the experiment's results as the Markdown of {@code results.md}. */
public final class ResultsTable {
    /**
     * The table's header row; tests and readers rely on these column names. With one seed there
     * is no spread, so the accuracy column is the one run's test accuracy, not "mean ± std".
     */
    public static String header(int seeds) {
        return "| model | params | " + (seeds == 1 ? "test accuracy" : "test accuracy (mean ± std)")
                + " | best epoch | train-test gap | s/epoch |";
    }

    private ResultsTable() {
    }

    /** The whole {@code results.md}: what ran, then one row per model. */
    public static String markdown(ExperimentPlan plan, List<ModelResult> results, double wallSeconds,
                                  Experiment.Conditions conditions) {
        boolean oneSeed = plan.seeds().size() == 1;
        StringBuilder md = new StringBuilder();
        md.append("# Dropout experiment results\n\n");
        md.append(plan.describe()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %s; load average (1 / 5 / 15 min) %s at the start,"
                        + " %s at the end. s/epoch is wall time on this machine under that load (other jobs"
                        + " sharing the cores slow every model): compare it between the rows of one run,"
                        + " not across machines or runs.%n%n", conditions.machine().describe(),
                conditions.before().describe(), conditions.after().describe()));
        md.append(String.format(Locale.ROOT, "Wall time: %.0f s. Test accuracy is measured after the"
                + " last epoch%s; the gap is final train accuracy (dropout active) minus final test"
                + " accuracy.%n%n", wallSeconds, oneSeed ? " (one seed: no spread, so a difference"
                + " between rows may be seed noise)" : ", mean ± standard deviation over the seeds"));
        md.append(header(plan.seeds().size())).append('\n');
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ModelResult r : results) {
            String accuracy = oneSeed ? String.format(Locale.ROOT, "%.4f", r.testAccuracy().mean())
                    : String.format(Locale.ROOT, "%.4f ± %.4f", r.testAccuracy().mean(), r.testAccuracy().std());
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %d | %+.4f | %.1f |%n",
                    r.model(), r.parameters(), accuracy, r.bestEpoch(), r.trainTestGap(), r.secondsPerEpoch()));
        }
        return md.toString();
    }
}
