package dev.lamina.examples.cli;

import dev.lamina.runtime.model.LaminaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A command that saves a run's model itself: {@code CLI_WRITES_NO_RUN_FILES} must refuse it. */
final class RunFileWritingCommandFixture {
    private RunFileWritingCommandFixture() {}

    static void save(Path run) throws IOException {
        LaminaModel.saveFromCheckpoint(run, "best", Object.class, List.of(), "x", run.resolve("model"));
    }
}
