package dev.lamina.processor.diag;

import dev.lamina.processor.model.ModelSpec;

/** A diag class that reaches back up into model/: what ArchitectureTest must reject. */
public final class BackPointingImportFixture {

    private BackPointingImportFixture() {}

    public static String nameOf(ModelSpec model) {
        return model.simpleName();
    }
}
