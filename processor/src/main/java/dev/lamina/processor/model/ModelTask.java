package dev.lamina.processor.model;

import java.util.Locale;

/**
 * What a whole network predicts, as its {@code @Model(task)} declares it (the processor's copy of
 * {@code dev.lamina.Model.Task}, which it reads by name and never loads): the output lints check the
 * last layer against it and the generated descriptor records it for the runtime's loss, metrics and
 * predictions.
 */
public enum ModelTask {
    /** One class out of N: N >= 2 logits, softmax cross-entropy. */
    MULTI_CLASS,
    /** Yes or no: one logit, sigmoid binary cross-entropy. */
    BINARY,
    /** Any subset of N labels: N independent logits, sigmoid binary cross-entropy per label. */
    MULTI_LABEL,
    /** N real values: no bounding activation, squared or Huber error. */
    REGRESSION;

    /** How messages name the task: {@code multi-class}, {@code binary}, {@code multi-label}, {@code regression}. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code dev.lamina.Model.Task} that declares this task, as users write it. */
    public String declaration() {
        return "Model.Task." + name();
    }
}
