package dev.lamina.runtime.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's history from outside the run and the epoch loop: {@code RUN_FILES_WRITTEN_FOR_THE_RUN} must refuse it. */
final class RunFileWriterFixture {
    private RunFileWriterFixture() {}

    static void write(Path dir) throws IOException {
        HistoryFiles.writeAll(dir, List.of(), "test", new RunCaption("m", "r", List.of()));
    }
}
