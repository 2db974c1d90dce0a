package dev.lamina.runtime.train;

import ai.djl.engine.EngineException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns running out of memory (a native "out of memory" from the engine, or Java's {@link
 * OutOfMemoryError}) into a {@link DeviceOutOfMemoryException} that names the batch size and
 * gives a hint, instead of a bare native stack trace.
 */
final class MemoryGuard {

    private final String devices;
    private final int batchSize;

    MemoryGuard(String devices, int batchSize) {
        this.devices = devices;
        this.batchSize = batchSize;
    }

    <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (EngineException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("out of memory")) {
                throw new DeviceOutOfMemoryException(devices, batchSize, e);
            }
            throw e;
        } catch (OutOfMemoryError e) {
            throw new DeviceOutOfMemoryException("cpu (Java heap)", batchSize, e);
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
