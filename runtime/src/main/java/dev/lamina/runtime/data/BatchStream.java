package dev.lamina.runtime.data;

import dev.lamina.runtime.data.DatasetException.Problem;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One epoch of batches over a set, iterated once:
 *
 * <pre>{@code
 * try (BatchStream batches = BatchStream.open(train, BatchOptions.training(64, seed), epoch)) {
 *     for (Batch batch : batches) { ... }
 * }
 * }</pre>
 *
 * <p>With {@code prefetch > 0} a daemon thread builds up to that many batches ahead into a
 * bounded queue; {@link #close()} stops and joins it. Batches are identical with and without
 * prefetch, because each depends only on (seed, epoch, batch index). A failure while building a
 * batch is rethrown to the consumer as a {@link DatasetException} ({@link Problem#BATCH_FAILED})
 * whose cause is the original exception.
 */
public final class BatchStream implements Iterable<Batch>, AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String name;
    private final int count;
    private final IntFunction<Batch> builder;
    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private volatile boolean closed;
    private boolean iterated;
    private int next;

    /** A failure of the producer, queued in place of the batch it could not build. */
    private record Failure(int batch, Throwable error) {}

    BatchStream(String name, int count, IntFunction<Batch> builder, int prefetch) {
        this.name = name;
        this.count = count;
        this.builder = builder;
        if (prefetch > 0 && count > 0) {
            queue = new ArrayBlockingQueue<>(prefetch);
            producer = new Thread(this::produce, "lamina-batches-" + THREADS.incrementAndGet());
            producer.setDaemon(true);
            producer.start();
        } else {
            queue = null;
            producer = null;
        }
    }

    /**
     * Opens epoch {@code epoch} (any integer; usually 0, 1, ...) of {@code data}.
     *
     * @throws IllegalArgumentException when the normalization does not match the set's channels
     */
    public static BatchStream open(ExampleSet data, BatchOptions options, int epoch) {
        BatchAssembler assembler = new BatchAssembler(data, options, epoch);
        return new BatchStream(data.name(), assembler.batchCount(), assembler::build,
                options.prefetch());
    }

    /** Number of batches this epoch yields. */
    public int batchCount() {
        return count;
    }

    /**
     * The batches, in order; may be called once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<Batch> iterator() {
        if (iterated) {
            throw new IllegalStateException("a BatchStream is iterated once; open another epoch");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                return nextBatch();
            }
        };
    }

    /** Stops the producer thread (if any) and waits for it to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (producer != null) {
            producer.interrupt();
            boolean interrupted = false;
            while (producer.isAlive()) {
                try {
                    producer.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            queue.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The producer thread, or null without prefetch; for tests. */
    Thread producerThread() {
        return producer;
    }

    private Batch nextBatch() {
        if (closed) {
            throw new IllegalStateException("BatchStream over " + name + " is closed");
        }
        if (next >= count) {
            throw new NoSuchElementException("all " + count + " batches of " + name + " consumed");
        }
        int index = next++;
        if (producer == null) {
            try {
                return builder.apply(index);
            } catch (RuntimeException | Error e) {
                throw failed(index, e);
            }
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(Problem.BATCH_FAILED, null, "interrupted while waiting for"
                    + " batch " + index + " of " + name, e);
        }
        if (item instanceof Failure failure) {
            close();
            throw failed(failure.batch(), failure.error());
        }
        return (Batch) item;
    }

    private void produce() {
        int index = 0;
        try {
            for (; index < count && !closed; index++) {
                Object item;
                try {
                    item = builder.apply(index);
                } catch (RuntimeException | Error e) {
                    queue.put(new Failure(index, e));
                    return;
                }
                queue.put(item);
            }
        } catch (InterruptedException e) {
            // close() asked us to stop
        }
    }

    private DatasetException failed(int index, Throwable error) {
        return new DatasetException(Problem.BATCH_FAILED, null, "building batch " + index + " of "
                + count + " of " + name + " failed: " + error, error);
    }
}
