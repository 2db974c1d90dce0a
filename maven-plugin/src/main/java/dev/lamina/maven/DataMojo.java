package dev.lamina.maven;

import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.train.TrainingRequest;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * The parameters of the goals that read data and run a model (train, eval): those of {@code
 * lamina train}'s and {@code lamina eval}'s {@code --dataset}, {@code --data}, the image-folder
 * options, {@code --device} and {@code --limit-batches}, read by the same runtime code.
 */
abstract class DataMojo extends LaminaMojo {

    /**
     * The data: {@code folder} (your own images, {@code DIR/<class>/<image files>}, in {@code
     * data}), or a built-in dataset: {@code fashion-mnist}, {@code mnist}, {@code cifar10}, {@code
     * cifar100}. CLI: {@code --dataset} (whose default is fashion-mnist).
     */
    @Parameter(property = "lamina.dataset", defaultValue = RunData.FOLDER)
    String dataset;

    /**
     * The folder of images (one sub-folder per class, PNG or JPEG), or the built-in dataset's
     * files (IDX files for (fashion-)mnist, the binary version for CIFAR). Relative to the
     * project's directory. CLI: {@code --data}.
     */
    @Parameter(property = "lamina.data")
    File data;

    /**
     * Images of another size than the model's input: {@code none} (refuse them), {@code stretch}
     * (scale each axis) or {@code crop} (scale, then cut the centre). Default: none (a run's own,
     * to evaluate or resume it). CLI: {@code --resize}.
     */
    @Parameter(property = "lamina.resize")
    String resize;

    /**
     * Leave out damaged, unreadable, non-image or wrongly sized files and empty class folders
     * (listed in the run directory) instead of stopping. Default: false (a run's own, to evaluate
     * or resume it). CLI: {@code --skip-bad-images}.
     */
    @Parameter(property = "lamina.skipBadImages")
    Boolean skipBadImages;

    /**
     * A folder without a {@code test/} (or {@code val/}) folder: share of each class held out as
     * the test set (stratified, by {@code splitSeed}). Default: 0.2 (a run's own, to evaluate or
     * resume it). CLI: {@code --test-fraction}.
     */
    @Parameter(property = "lamina.testFraction")
    Double testFraction;

    /**
     * Fixes the test split of a folder, so train and eval see the same one. Default: 42 (a run's
     * own, to evaluate or resume it). CLI: {@code --split-seed}.
     */
    @Parameter(property = "lamina.splitSeed")
    Long splitSeed;

    /** {@code auto} (GPU when DJL sees one, else CPU), {@code cpu}, {@code gpu} or {@code gpu:N}. CLI: {@code --device}. */
    @Parameter(property = "lamina.device", defaultValue = "auto")
    String device;

    /**
     * Smoke run: at most N batches per epoch and per evaluation (accuracies then describe those
     * batches only). 0: all batches. CLI: {@code --limit-batches}.
     */
    @Parameter(property = "lamina.limitBatches", defaultValue = "0")
    int limitBatches;

    /** Whether the user set {@code dataset} (a project property or the command line), not its default. */
    private boolean datasetGiven() {
        return !RunData.isFolder(dataset);
    }

    /** What was given of the folder options (null: not given). */
    RunDirectory.FolderRequest given() {
        return new RunDirectory.FolderRequest(path(data), datasetGiven() ? dataset : null,
                resize == null ? null : Resize.parse(resize), skipBadImages, testFraction, splitSeed);
    }

    /** The data for a new run of {@code net}. */
    RunData load(LaminaNet net) {
        return RunData.load(net, dataset, given());
    }

    /** The data of {@code run}, as it trained on it. */
    RunData loadFor(LaminaNet net, RunDirectory run, String parameter) {
        return run.data(net, dataset, given(), parameter);
    }

    /** {@code device}, parsed. */
    DeviceChoice deviceChoice() {
        return DeviceChoice.parse(device);
    }

    /** {@code limitBatches}, checked. */
    int limitBatches() {
        return TrainingRequest.limitBatches(limitBatches);
    }
}
