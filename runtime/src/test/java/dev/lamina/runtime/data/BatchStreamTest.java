package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DatasetException.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchStreamTest {

    private static final LabeledImages DATA = TestSets.indexed(103, 10, 1, 4, 4);

    private static List<Batch> epoch(LabeledImages data, BatchOptions options, int epoch) {
        List<Batch> batches = new ArrayList<>();
        try (BatchStream stream = BatchStream.open(data, options, epoch)) {
            stream.forEach(batches::add);
        }
        return batches;
    }

    /** The example ids (pixel values of the indexed set) in visiting order. */
    private static int[] visited(List<Batch> batches) {
        return batches.stream().flatMapToInt(b -> IntStream.range(0, b.size())
                .map(i -> (int) b.images()[i * 16])).toArray();
    }

    @Test
    void everyExampleOnceWithItsLabelAndLastPartialBatchKept() {
        List<Batch> batches = epoch(DATA, BatchOptions.training(10, 1), 0);
        assertEquals(11, batches.size());
        assertEquals(3, batches.get(10).size());
        assertEquals(3, batches.get(10).labels().length);
        assertEquals(3 * 16, batches.get(10).images().length);
        int[] ids = visited(batches);
        assertArrayEquals(IntStream.range(0, 103).toArray(), Arrays.stream(ids).sorted().toArray());
        int k = 0;
        for (Batch batch : batches) {
            for (int label : batch.labels()) {
                assertEquals(ids[k++] % 10, label);
            }
        }
    }

    @Test
    void aBatchSizeNearIntegerMaxValueIsOneBatchNotAnOverflow() {
        // (examples + batchSize - 1) overflowed an int: 0 batches, and training took no step (issue 21.9)
        assertEquals(1, BatchOptions.training(Integer.MAX_VALUE, 1).batchCount(54000));
        assertEquals(1, BatchOptions.training(Integer.MAX_VALUE - 1, 1).batchCount(2));
        assertEquals(0, BatchOptions.training(Integer.MAX_VALUE, 1).withDropLast(true).batchCount(54000));
    }

    @Test
    void dropLastLeavesOutThePartialBatch() {
        BatchOptions options = BatchOptions.training(10, 1).withDropLast(true);
        assertEquals(10, options.batchCount(103));
        List<Batch> batches = epoch(DATA, options, 0);
        assertEquals(10, batches.size());
        assertTrue(batches.stream().allMatch(b -> b.size() == 10));
    }

    @Test
    void orderDependsOnSeedAndEpochOnly() {
        BatchOptions options = BatchOptions.training(16, 9);
        int[] first = visited(epoch(DATA, options, 0));
        assertArrayEquals(first, visited(epoch(DATA, options, 0)));
        assertFalse(Arrays.equals(first, visited(epoch(DATA, options, 1))));
        assertFalse(Arrays.equals(first, visited(epoch(DATA, BatchOptions.training(16, 10), 0))));
        assertFalse(Arrays.equals(first, IntStream.range(0, 103).toArray()), "shuffled");
    }

    @Test
    void evaluationVisitsInOrder() {
        int[] ids = visited(epoch(DATA, BatchOptions.evaluation(32), 5));
        assertArrayEquals(IntStream.range(0, 103).toArray(), ids);
    }

    @Test
    void prefetchDoesNotChangeTheBatches() {
        float[] ramp = new float[103 * 16];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % 16 + 1;
        }
        LabeledImages ramps = new LabeledImages("ramps", 1, 4, 4, 10, ramp, DATA.labels());
        BatchOptions options = BatchOptions.training(8, 3)
                .withAugmentation(new Augmentation(1, true))
                .withNormalization(Normalization.fit(ramps));
        List<Batch> threaded = epoch(ramps, options.withPrefetch(3), 2);
        List<Batch> inline = epoch(ramps, options.withPrefetch(0), 2);
        assertEquals(threaded.size(), inline.size());
        for (int b = 0; b < threaded.size(); b++) {
            assertArrayEquals(inline.get(b).images(), threaded.get(b).images(), "batch " + b);
            assertArrayEquals(inline.get(b).labels(), threaded.get(b).labels(), "batch " + b);
        }
        List<Batch> plain = epoch(ramps, options.withAugmentation(Augmentation.NONE), 2);
        assertFalse(Arrays.equals(plain.get(0).images(), threaded.get(0).images()),
                "augmentation changed something");
    }

    @Test
    void producerFailureIsRethrownToTheConsumer() {
        IllegalStateException boom = new IllegalStateException("boom");
        for (int prefetch : new int[] {0, 2}) {
            try (BatchStream stream = new BatchStream("failing", 5, b -> {
                if (b == 2) {
                    throw boom;
                }
                return new Batch(new float[] {b}, new int[] {0}, 1);
            }, prefetch)) {
                Iterator<Batch> batches = stream.iterator();
                batches.next();
                batches.next();
                DatasetException e = assertThrows(DatasetException.class, batches::next);
                assertEquals(Problem.BATCH_FAILED, e.problem());
                assertSame(boom, e.getCause());
                assertTrue(e.getMessage().contains("batch 2 of 5 of failing"), e.getMessage());
            }
        }
    }

    @Test
    void closeStopsTheProducerEvenWhenItWaitsOnAFullQueue() throws Exception {
        BatchStream stream = BatchStream.open(DATA, BatchOptions.training(1, 1).withPrefetch(1), 0);
        Thread producer = stream.producerThread();
        assertNotNull(producer);
        assertTrue(producer.isDaemon());
        Iterator<Batch> batches = stream.iterator();
        batches.next();
        stream.close();
        assertFalse(producer.isAlive());
        assertThrows(IllegalStateException.class, batches::next);
        stream.close(); // idempotent
    }

    @Test
    void withoutPrefetchThereIsNoThread() {
        try (BatchStream stream = BatchStream.open(DATA,
                BatchOptions.evaluation(10).withPrefetch(0), 0)) {
            assertNull(stream.producerThread());
            assertEquals(11, stream.batchCount());
        }
    }

    @Test
    void iteratesOnlyOnce() {
        try (BatchStream stream = BatchStream.open(DATA, BatchOptions.evaluation(50), 0)) {
            stream.iterator();
            assertThrows(IllegalStateException.class, stream::iterator);
        }
    }

    @Test
    void normalizationMustMatchTheChannels() {
        BatchOptions rgb = BatchOptions.evaluation(4).withNormalization(
                new Normalization(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> BatchStream.open(DATA, rgb, 0));
    }
}
