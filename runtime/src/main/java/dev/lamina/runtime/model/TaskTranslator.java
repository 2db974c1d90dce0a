package dev.lamina.runtime.model;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lamina.runtime.task.Prediction;
import dev.lamina.runtime.task.TaskSpec;
import java.util.List;

/**
 * Image in, the task's {@link Prediction} out: the image is converted and normalized exactly as
 * {@link ImageClassifierTranslator} does for training, and the raw output row is read by the
 * model's {@link TaskSpec#interpret} (probabilities and the set at the threshold; denormalized
 * values).
 */
final class TaskTranslator implements Translator<Image, Prediction> {
    private final ImageClassifierTranslator input;
    private final TaskSpec task;
    private final List<String> names;

    TaskTranslator(ImageClassifierTranslator input, TaskSpec task, List<String> names) {
        this.input = input;
        this.task = task;
        this.names = List.copyOf(names);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image image) {
        return input.processInput(ctx, image);
    }

    @Override
    public Prediction processOutput(TranslatorContext ctx, NDList list) {
        return task.interpret(list.singletonOrThrow().toFloatArray(), names);
    }
}
