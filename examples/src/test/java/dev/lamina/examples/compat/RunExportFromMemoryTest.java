package dev.lamina.examples.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's chosen checkpoint exports to ONNX from memory exactly as its saved model does, and no
 * staging copy is written anywhere (issue 20 item 4; the exporter reads the generated Net's
 * descriptor, so this needs a processor-generated Net).
 */
class RunExportFromMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void aCheckpointsModelIsExportedFromMemoryAsTheSavedModelIs() throws Exception {
        RunDirectory run = RunDirectory.forNewRun(tmp.resolve("run"), null);
        RunData data = RunData.of(DatasetKind.FASHION_MNIST,
                TrainingBackend.load(DatasetKind.FASHION_MNIST, Fixture.fashionMnistSmall(), 0));
        run.train(CompatTinyNet.NET, data, TrainingConfig.builder().epochs(1).batchSize(32).seed(7)
                .schedule(LearningRateSchedule.constant()).device(DeviceChoice.cpu()).terminal(false).build());
        Path fromMemory = tmp.resolve("memory.onnx");
        Path fromSaved = tmp.resolve("saved.onnx");
        try (LaminaModel model = run.model(CheckpointTag.BEST, CompatTinyNet.NET, () -> null)) {
            assertEquals(null, model.dir(), "nothing was written for it");
            model.exportOnnx(fromMemory);
        }
        try (LaminaModel saved = LaminaModel.load(run.modelDir(), CompatTinyNet.class)) {
            saved.exportOnnx(fromSaved);
        }
        assertArrayEquals(Files.readAllBytes(fromSaved), Files.readAllBytes(fromMemory));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("memory.onnx", "run", "saved.onnx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no staging copy anywhere");
        }
    }
}
