package dev.lamina.examples.experiment;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Redraws an experiment's figure ({@code accuracy.png} and {@code accuracy.svg}) from the {@code
 * runs.json} in its directory, without training again:
 *
 * <pre>java -cp examples/target/lamina.jar dev.lamina.examples.experiment.RedrawFigures docs/results/*&#47;</pre>
 *
 * Nothing else in the directory changes.
 */
public final class RedrawFigures {

    private RedrawFigures() {
    }

    /** Redraws the figure of each directory; a bad directory is one line on stderr and exit code 1. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: RedrawFigures <experiment directory holding runs.json>...");
            System.exit(2);
        }
        for (String arg : args) {
            try {
                Path png = redraw(Path.of(arg));
                System.out.println("wrote " + png + " and " + png.resolveSibling(Experiment.ACCURACY_SVG));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("RedrawFigures: " + e.getMessage());
                System.exit(1);
            }
        }
    }

    /** Redraws {@code dir}'s figure from its {@code runs.json}; returns the PNG's path. */
    static Path redraw(Path dir) throws IOException {
        Path runsJson = dir.resolve(Experiment.RUNS_JSON);
        if (!Files.isRegularFile(runsJson)) {
            throw new IOException(dir + " holds no " + Experiment.RUNS_JSON + " (the raw runs of lamina experiment)");
        }
        RunsFiles.Contents contents = RunsFiles.readJson(runsJson);
        if (contents.runs().isEmpty()) {
            throw new IOException(runsJson + " holds no runs");
        }
        ExperimentCaption caption = ExperimentCaption.of(contents.plan(), contents.runs());
        DatasetKind dataset;
        try {
            dataset = DatasetKind.parse(caption.dataset());
        } catch (InvalidInputException e) {
            throw new IOException(runsJson + ": " + e.getMessage(), e);
        }
        List<ModelResult> results = Aggregation.summarize(contents.runs(), ExperimentFamily.forDataset(dataset));
        Path png = dir.resolve(Experiment.ACCURACY_PNG);
        AccuracyChart.write(results, caption, png);
        return png;
    }
}
