package dev.lamina.examples.experiment;

import java.util.List;
import java.util.Locale;

/** Renders the experiment's results as the Markdown of {@code results.md}. */
public final class ResultsTable {
    /** The table's header row; tests and readers rely on these column names. */
    public static final String HEADER = "| model | params | test accuracy (mean ± std) | best epoch"
            + " | train-test gap | s/epoch |";

    private ResultsTable() {
    }

    /** The whole {@code results.md}: what ran, then one row per model. */
    public static String markdown(ExperimentPlan plan, List<ModelResult> results, double wallSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Dropout experiment results\n\n");
        md.append(plan.describe()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Wall time: %.0f s. Test accuracy is measured after the"
                + " last epoch; the gap is final train accuracy (dropout active) minus final test"
                + " accuracy.%n%n", wallSeconds));
        md.append(HEADER).append('\n');
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ModelResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.4f ± %.4f | %d | %+.4f | %.1f |%n",
                    r.model(), r.parameters(), r.testAccuracy().mean(), r.testAccuracy().std(),
                    r.bestEpoch(), r.trainTestGap(), r.secondsPerEpoch()));
        }
        return md.toString();
    }
}
