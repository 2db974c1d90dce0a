package dev.lamina.spark;

import dev.lamina.examples.experiment.ExperimentPlan;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.TrainingSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@link ExperimentPlan} as Spark ships it to the executors (a plan holds paths, which are not
 * serializable): every value of the plan, the directories as absolute paths. {@link #plan} gives
 * the same plan back.
 */
record PlanSpec(String preset, List<String> models, List<Long> seeds, int epochs, int batchSize,
                float learningRate, String schedule, float weightDecay, long seed, double validation,
                int patience, String device, int trainSubset, String dataset, String dataDir, String out)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    PlanSpec {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
    }

    static PlanSpec of(ExperimentPlan plan) {
        TrainingSettings s = plan.budget().settings();
        return new PlanSpec(plan.preset(), plan.models(), plan.seeds(), s.epochs(), s.batchSize(),
                s.learningRate(), s.schedule().format(), s.weightDecay(), s.seed(), s.validation(),
                s.patience(), plan.budget().device(), plan.trainSubset(), plan.dataset().id(),
                plan.dataDir() == null ? null : plan.dataDir().toAbsolutePath().toString(),
                plan.out().toAbsolutePath().toString());
    }

    ExperimentPlan plan() {
        TrainingSettings settings = new TrainingSettings(epochs, batchSize, learningRate,
                LearningRateSchedule.parse(schedule), weightDecay, seed, validation, patience);
        return new ExperimentPlan(preset, models, seeds, new TrainingBackend.Budget(settings, device),
                trainSubset, DatasetKind.parse(dataset), dataDir == null ? null : Path.of(dataDir), Path.of(out));
    }
}
