package dev.lamina.runtime.run;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.device.DeviceUnavailableException;
import dev.lamina.runtime.model.EngineUnavailableException;
import dev.lamina.runtime.model.LaminaModelException;
import dev.lamina.runtime.onnx.OnnxExportException;

import java.nio.file.NoSuchFileException;

/**
 * Which failures of a run are the person's to fix, the one rule every tool over the runtime
 * applies: the {@code lamina} command line exits 2 (usage) for them and 1 otherwise, the Maven
 * plugin reports them as a build failure ({@code MojoFailureException}) and the others as an
 * execution error.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Whether {@code e} is about input the person can fix: a value out of range or an unknown name
     * ({@link InvalidInputException}), missing, damaged or empty data, a device that is not there,
     * a checkpoint of another model or other data, a saved model that cannot be loaded, a model
     * ONNX cannot express, a file that does not exist. Not: {@link IllegalArgumentException}s that
     * are not {@link InvalidInputException}s (DJL and PyTorch throw those for their own failures),
     * a diverged or out-of-memory run, I/O errors.
     *
     * @param e a failure of a run
     * @return true when the message tells the person what to change
     */
    public static boolean isUserInput(Throwable e) {
        return e instanceof InvalidInputException || e instanceof DatasetException
                || e instanceof DeviceUnavailableException || e instanceof CheckpointException
                || e instanceof NoSuchFileException || e instanceof LaminaModelException
                || e instanceof OnnxExportException || e instanceof EngineUnavailableException;
    }
}
