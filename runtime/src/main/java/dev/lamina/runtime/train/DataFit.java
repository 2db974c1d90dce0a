package dev.lamina.runtime.train;

import ai.djl.ndarray.types.Shape;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.task.TaskSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Checks, before the first step, that a set fits a model: its example shape is the model's input
 * shape, and its classes (and every label known ahead) are within the model's outputs. Otherwise
 * training would cut examples across boundaries or learn the wrong labels and still exit 0.
 */
public final class DataFit {

    private DataFit() {}

    /**
     * Refuses a set whose examples are not of the model's input shape.
     *
     * @param role {@code "training"}, {@code "validation"}, {@code "test"} or {@code "evaluation"}
     * @param exampleShape the model's input shape without the batch dimension, e.g. {@code (1, 28,
     *     28)} or {@code (784)}
     * @throws InvalidInputException naming both shapes and what to do
     */
    public static void requireInputShape(ExampleSet set, String role, Shape exampleShape) {
        long[] data = {set.channels(), set.height(), set.width()};
        long[] model = exampleShape.getShape();
        boolean fits = model.length == 3 ? Arrays.equals(data, model)
                : model.length == 1 && set.height() == 1 && set.width() == 1 && set.channels() == model[0];
        if (!fits) {
            String dataShape = model.length == 1 && set.height() == 1 && set.width() == 1
                    ? "(" + set.channels() + ")" : format(data);
            throw new InvalidInputException("the " + role + " set '" + set.name() + "' holds examples of shape "
                    + dataShape + ", but the model takes " + format(model) + ", so nothing was trained;"
                    + " use data of shape " + format(model) + " (an image folder is converted to the model's"
                    + " shape) or a model whose input is " + dataShape);
        }
    }

    /**
     * Refuses a set with more classes than the model has outputs, or a known label outside them.
     *
     * @param outputs the model's output shape without the batch dimension; must be {@code (classes)}
     * @throws InvalidInputException naming the classes, the outputs and what to do
     */
    public static void requireLabels(ExampleSet set, String role, Shape outputs) {
        if (outputs.dimension() != 1) {
            throw new InvalidInputException("the model's output has shape " + format(outputs.getShape())
                    + " per example, but training needs one logit per class, (classes); end the model with a"
                    + " dense layer whose units are the number of classes");
        }
        long logits = outputs.get(0);
        String fix = "give the last layer " + set.classes() + " units, or use data with at most " + logits
                + " classes";
        if (set.classes() > logits) {
            throw new InvalidInputException("the " + role + " set '" + set.name() + "' has " + set.classes()
                    + " classes (labels 0 to " + (set.classes() - 1) + "), but the model has " + logits
                    + " outputs " + format(outputs.getShape()) + ", so nothing was trained; " + fix);
        }
        int[] labels = set.labels();
        if (labels == null) {
            return; // checked batch by batch (DjlSteps) when the labels are only known on reading
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= logits) {
                throw new InvalidInputException("example " + i + " of the " + role + " set '" + set.name()
                        + "' has label " + labels[i] + ", outside the model's " + logits + " outputs (labels 0 to "
                        + (logits - 1) + "), so nothing was trained; fix the labels, or give the last layer"
                        + " more units");
            }
        }
    }

    /**
     * {@link #requireLabels(ExampleSet, String, Shape)} for a model of {@code task}: a binary model
     * has one output and learns two classes (labels 0 and 1); a multi-label or regression model
     * learns one target per output, from a set with targets (a manifest).
     *
     * @throws InvalidInputException naming what the set holds, what the model takes and what to do
     */
    public static void requireLabels(ExampleSet set, String role, Shape outputs, TaskSpec task) {
        if (task instanceof TaskSpec.MultiClass) {
            requireLabels(set, role, outputs);
            return;
        }
        long units = outputs.dimension() == 1 ? outputs.get(0) : -1;
        if (task instanceof TaskSpec.Binary) {
            if (units != 1) {
                throw new InvalidInputException("the model is binary but its output has shape " + format(outputs.getShape())
                        + " per example; a binary model ends with one logit, (1): give the last layer 1 unit");
            }
            if (set.targetWidth() > 0 || set.classes() > 2) {
                throw new InvalidInputException("the " + role + " set '" + set.name() + "' has " + (set.targetWidth() > 0
                        ? set.targetWidth() + " targets per example" : set.classes() + " classes") + ", but a binary"
                        + " model learns two classes (the second in sorted order is the positive one), so nothing was"
                        + " trained; use a folder with two class folders");
            }
            return;
        }
        if (task instanceof TaskSpec.MultiLabel && set.targetWidth() == units && set.targets() != null) {
            float[] targets = set.targets();
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] != 0 && targets[i] != 1) {
                    throw new InvalidInputException("example " + (i / set.targetWidth()) + " of the " + role + " set '"
                            + set.name() + "' has " + set.targetNames().get(i % set.targetWidth()) + " = " + targets[i]
                            + ", but a multi-label model learns 0 or 1 per label; fix the manifest, or declare"
                            + " @Model(task = Model.Task.REGRESSION) for values");
                }
            }
        }
        if (set.targetWidth() != units) {
            throw new InvalidInputException("the " + role + " set '" + set.name() + "' has " + (set.targetWidth() == 0
                    ? "one class label" : set.targetWidth() + " target(s)") + " per example, but the " + task.id()
                    + " model has output " + format(outputs.getShape()) + " and learns one target per output, so nothing"
                    + " was trained; use a manifest with " + (units < 0 ? "one target per output" : units + " target(s)")
                    + " per row (docs/tasks.md), or give the last layer " + Math.max(set.targetWidth(), 1) + " units");
        }
    }

    /** {@link #classWarnings(ExampleSet, Shape)} for multi-class; a binary set of one class; nothing else. */
    public static java.util.List<String> classWarnings(ExampleSet set, Shape outputs, TaskSpec task) {
        if (task instanceof TaskSpec.MultiClass) {
            return classWarnings(set, outputs);
        }
        if (task instanceof TaskSpec.Binary && set.classes() < 2) {
            return java.util.List.of("warning: the training set '" + set.name() + "' has one class only, so the"
                    + " binary model never sees the other; use data with two classes");
        }
        return java.util.List.of();
    }

    /**
     * Warnings about a training set that fits the model but trains it oddly (issue 21 item 13):
     * fewer classes than outputs (the rest are never a target, and are saved as {@code
     * unused-output-<i>}), or one class only (every example is right whatever the model learns).
     */
    public static java.util.List<String> classWarnings(ExampleSet set, Shape outputs) {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        long logits = outputs.get(0);
        if (set.classes() == 1) {
            warnings.add("warning: the training set '" + set.name() + "' has one class only, so every prediction"
                    + " is right whatever the model learns and its accuracy (1.0) means nothing; use data with at"
                    + " least two classes");
        }
        if (set.classes() < logits) {
            warnings.add("warning: the model has " + logits + " outputs but the training set '" + set.name()
                    + "' has " + set.classes() + " classes, so outputs " + set.classes() + " to " + (logits - 1)
                    + " are never a target (saved as unused-output-" + set.classes() + " ...); give the last"
                    + " layer " + set.classes() + " units");
        }
        return warnings;
    }

    static String format(long[] dims) {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
