package dev.lamina.maven;

import dev.lamina.runtime.model.LaminaModel;

import java.io.IOException;
import java.nio.file.Path;

/** A goal that exports a model itself, which {@link ArchitectureTest#GOALS_ARE_ADAPTERS} forbids. */
final class ExportingGoalFixture {
    private ExportingGoalFixture() {
    }

    static void export(Path savedModel, Path to) throws IOException {
        try (LaminaModel model = LaminaModel.load(savedModel)) {
            model.exportOnnx(to);
        }
    }
}
