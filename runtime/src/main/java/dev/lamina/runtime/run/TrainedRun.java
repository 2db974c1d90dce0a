package dev.lamina.runtime.run;

import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.train.TrainingResult;
import java.nio.file.Path;

/**
 * What {@link RunDirectory#train} did: the training's result, the checkpoint it chose and the
 * saved model it wrote from it.
 *
 * @param run the run directory
 * @param training the history, best epoch and test figures ({@link TrainingResult})
 * @param chosen {@code best} when a validation set chose one, else {@code last}
 * @param model what {@code <run>/model/lamina-model.json} says about the chosen model
 */
public record TrainedRun(RunDirectory run, TrainingResult training, CheckpointTag chosen, SavedModelInfo model) {

    /** The saved model directory, {@code <run>/model}: {@code LaminaModel.load(modelDir())}. */
    public Path modelDir() {
        return run.modelDir();
    }
}
