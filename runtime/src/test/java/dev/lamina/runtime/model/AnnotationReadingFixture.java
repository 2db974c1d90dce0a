package dev.lamina.runtime.model;

/** Runtime code that reads a layer annotation: {@code RUNTIME_READS_ONLY_THE_TASK_OF_THE_ANNOTATIONS} refuses it. */
final class AnnotationReadingFixture {

    static int units(dev.lamina.Dense dense) {
        return dense.units();
    }

    static dev.lamina.Model.Task task() {
        return dev.lamina.Model.Task.BINARY;
    }
}
