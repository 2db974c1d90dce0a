package dev.lamina.processor.bench;

import dev.lamina.processor.DelegatingProcessor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Benchmark helper: measures the wall-clock and CPU time (of the compiling thread) spent inside a
 * processor's init and rounds.
 */
final class TimedProcessor extends DelegatingProcessor {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long nanos;
    private long cpuNanos;

    TimedProcessor(Processor delegate) {
        super(delegate);
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        super.init(env);
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
        nanos += System.nanoTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            return super.process(annotations, round);
        } finally {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            nanos += System.nanoTime() - start;
        }
    }

    /** Wall-clock seconds spent inside the processor so far. */
    double seconds() {
        return nanos / 1e9;
    }

    /** CPU seconds of the compiling thread spent inside the processor so far. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
