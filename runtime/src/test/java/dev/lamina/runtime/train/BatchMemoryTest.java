package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import dev.lamina.runtime.report.EpochStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Batch sizes are checked against the data and the memory before anything is allocated (issue 21
 * items 9 and 15): {@code --batch-size 2147483647} trained zero steps (an int overflow) and printed
 * a NaN loss with exit 0; a batch larger than the data grew the process until the kernel killed it.
 */
class BatchMemoryTest {

    @Test
    void aBatchSizeLargerThanTheTrainingSetTrainsOneBatchPerEpochAndSaysSo() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingResult result = new Trainer(Fixtures.quick().epochs(1).batchSize(Integer.MAX_VALUE)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, Fixtures.leftRight("train", 64, 1),
                        Fixtures.leftRight("test", 16, 2));
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("note: the batch size 2147483647 is more than the 64 training examples, so every"
                + " epoch is one batch of 64"), printed);
        EpochStats epoch = result.lastEpoch();
        assertTrue(Double.isFinite(epoch.trainLoss()), "a step was taken: " + epoch);
        assertEquals(1, result.history().size());
    }

    @Test
    void aBatchWhoseActivationsExceedTheMachinesMemoryIsRefusedBeforeAllocating() {
        // 4096 filters of 64 x 64 per example: 200 MiB of activations per example in a step
        NamedSequentialBlock block = new NamedSequentialBlock().add("conv",
                Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4096).build());
        Shape input = new Shape(1, 1, 64, 64);
        assertEquals(4096L * 64 * 64, BatchMemory.activationValues(block, input));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BatchMemory.requireFits(block, input, 20_000, 50_000, true));
        assertTrue(e.getMessage().startsWith("batch size 20000 does not fit: a training step needs about"), e.getMessage());
        assertTrue(e.getMessage().contains("more than this machine's") && e.getMessage().contains("use a smaller --batch-size"),
                e.getMessage());
        assertEquals(8, BatchMemory.requireFits(block, input, 8, 100_000, true), "a batch that fits is kept");
    }

    @Test
    void aBatchThatDoesNotFitOneJavaArrayIsRefused() {
        NamedSequentialBlock block = new NamedSequentialBlock();
        Shape input = new Shape(1, 3, 224, 224);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BatchMemory.requireFits(block, input, 1_000_000, 2_000_000, false));
        assertTrue(e.getMessage().contains("do not fit one Java array") || e.getMessage().contains("Java heap"),
                e.getMessage());
    }
}
