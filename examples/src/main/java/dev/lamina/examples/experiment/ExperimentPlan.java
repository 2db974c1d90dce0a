package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything that defines one experiment: which models, which seeds, and the budget every run
 * gets (same epochs, batch size, learning rate, data and training subset).
 *
 * @param preset the preset's name as printed in the output ({@code default}, {@code full}, or
 *        {@code custom} once a flag changed it)
 * @param models model names, in table order
 * @param seeds one run per model and seed
 * @param budget epochs, batch size, learning rate and device
 * @param trainSubset training examples used (the first N); 0 = all
 * @param dataset which dataset
 * @param dataDir where it is read from; {@code null} for the dataset's default directory
 * @param out output directory
 */
public record ExperimentPlan(String preset, List<String> models, List<Long> seeds,
                             TrainingBackend.Budget budget, int trainSubset, DatasetKind dataset,
                             Path dataDir, Path out) {

    public ExperimentPlan {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        if (models.isEmpty() || seeds.isEmpty() || budget.epochs() < 1) {
            throw new InvalidInputException("an experiment needs at least one model, one seed"
                    + " and one epoch");
        }
    }

    /** One line saying what will run, e.g. for the console and {@code results.md}. */
    public String describe() {
        return String.format(Locale.ROOT, "preset %s: %d models x %d seed(s) %s, %d epoch(s),"
                        + " batch %d, Adam lr %s (%s), %s training examples, full test set, %s from %s,"
                        + " device %s",
                preset, models.size(), seeds.size(), seeds, budget.epochs(), budget.batchSize(),
                budget.learningRate(), budget.schedule(),
                trainSubset > 0 ? "stratified subset of " + trainSubset : "all",
                dataset.id(), dataDir != null ? dataDir
                        : dataset.defaultDirectory().map(Path::toString).orElse("?"),
                budget.device());
    }

    /** The runs of the sweep in table order: every model with the first seed, then the next seed. */
    public List<SweepRun> sweep() {
        List<SweepRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            for (String model : models) {
                runs.add(new SweepRun(model, seed));
            }
        }
        return runs;
    }

    /** The generated Net of one of the plan's models (of its dataset's model package). */
    public GeneratedNet net(String model) {
        return ModelCatalog.resolveIn(model, ModelCatalog.packageFor(dataset));
    }
}
