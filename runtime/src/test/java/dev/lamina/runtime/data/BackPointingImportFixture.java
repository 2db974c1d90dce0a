package dev.lamina.runtime.data;

import dev.lamina.runtime.train.Trainer;

/** A data class that reaches up into train/: what ArchitectureTest must reject. */
public final class BackPointingImportFixture {

    private BackPointingImportFixture() {}

    public static String describe(Trainer trainer) {
        return trainer.toString();
    }
}
