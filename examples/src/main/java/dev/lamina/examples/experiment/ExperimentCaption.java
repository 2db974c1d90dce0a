package dev.lamina.examples.experiment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the experiment's figure says about how its numbers were made: dataset, training subset,
 * epochs, batch, learning rate and schedule (from the plan, as {@link ExperimentPlan#describe()}
 * wrote it into {@code runs.json}), and the seeds that actually ran (from the runs).
 *
 * @param dataset the dataset id, e.g. {@code fashion-mnist}
 * @param training which training examples, e.g. {@code "stratified subset of 20000"} or {@code "all"}
 * @param epochs epochs per run
 * @param batch examples per step
 * @param learningRate Adam's (peak) learning rate as written, e.g. {@code 0.001}
 * @param schedule the schedule as written, e.g. {@code cosine}; {@code constant} for plans written
 *     before the schedule was recorded
 * @param seeds the distinct seeds of the runs, in order
 */
public record ExperimentCaption(String dataset, String training, int epochs, int batch, String learningRate,
                                String schedule, List<Long> seeds) {

    /** The parts of {@link ExperimentPlan#describe()} a figure needs (the schedule is optional in old files). */
    private static final Pattern PLAN = Pattern.compile("preset .+?: \\d+ models x \\d+ seed\\(s\\) \\[[^\\]]*\\],"
            + " (\\d+) epoch\\(s\\), batch (\\d+), Adam lr ([^ ,]+)(?: \\(([^)]*)\\))?, (.+?) training examples,"
            + " full test set, (\\S+) from .*");

    public ExperimentCaption {
        seeds = List.copyOf(seeds);
    }

    /**
     * The caption of {@code runs}, made under the plan described by {@code plan}.
     *
     * @throws IllegalArgumentException when {@code plan} is not a plan description
     */
    public static ExperimentCaption of(String plan, List<RunRecord> runs) {
        Matcher m = PLAN.matcher(plan);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an experiment plan description (as ExperimentPlan.describe()"
                    + " writes it): '" + plan + "'");
        }
        return new ExperimentCaption(m.group(6), m.group(5), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3), m.group(4) == null ? "constant" : m.group(4),
                runs.stream().map(RunRecord::seed).distinct().toList());
    }

    /** Subtitle lines: the data, then the training settings and seeds. */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "%s: trained on %s training examples, tested on the full test set",
                        dataset, training.equals("all") ? "all" : "a " + training),
                String.format(Locale.ROOT, "%d epoch(s), batch %d, Adam lr %s (%s), %s %s", epochs, batch,
                        learningRate, schedule, seeds.size() == 1 ? "seed" : "seeds",
                        seeds.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }
}
