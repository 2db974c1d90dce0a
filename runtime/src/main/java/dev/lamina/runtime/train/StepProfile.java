package dev.lamina.runtime.train;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the time of each training step goes, measured in Lamina's own loop ({@link TrainingRun}
 * and {@link DjlSteps}) with {@link System#nanoTime()} around each phase: the switch that turns it
 * on is handing one to {@link Trainer#Trainer(TrainingConfig, StepProfile,
 * ai.djl.training.listener.TrainingListener...)}; without one the loop reads no clock. One thread
 * (the training thread) writes it; read it after {@code fit} returns.
 *
 * <p>On the CPU libtorch runs each operator to completion in the calling thread (its intra-op
 * threads join before the call returns), so a phase's time is the time of its own operators; on a
 * GPU the kernels run asynchronously and the time shows up where the host waits for them
 * ({@link Phase#METRICS}).
 */
public final class StepProfile {

    /** The phases of one training step, in the order the loop runs them. */
    public enum Phase {
        /** Waiting for the next batch from the prefetching {@code BatchStream}, and copying it into tensors. */
        DATA,
        /** libtorch: forward pass, loss and backward pass (autograd). */
        FORWARD_BACKWARD,
        /**
         * The step's host reads: the loss as a number (for progress and the divergence guard) and
         * the correct count (argmax, compare, count, read): the only host syncs of a step.
         */
        METRICS,
        /** Adam's update of every parameter (DJL's optimizer, one libtorch call per parameter and moment). */
        OPTIMIZER,
        /**
         * The rest of Lamina's loop: learning-rate schedule, divergence checks, progress, freeing
         * the step's tensors, listeners, the once-per-run placement check.
         */
        LOOP
    }

    private final int skip;
    private final Map<Phase, long[]> nanos = new EnumMap<>(Phase.class);
    private final long[] current = new long[Phase.values().length];
    private int seen;
    private int steps;
    private long images;

    /** A profile of every step after the first {@code skip} (warm-up: allocator and kernel choice). */
    public StepProfile(int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("steps to skip must be 0 or more, got " + skip);
        }
        this.skip = skip;
        for (Phase phase : Phase.values()) {
            nanos.put(phase, new long[64]);
        }
    }

    /** The clock when {@code profile} is on, else 0 without reading it. */
    static long now(StepProfile profile) {
        return profile == null ? 0 : System.nanoTime();
    }

    /**
     * Adds the time since {@code since} (a {@link #now}) to {@code phase} of {@code profile}'s
     * current step; returns now (0 and nothing read when {@code profile} is null).
     */
    static long add(StepProfile profile, Phase phase, long since) {
        if (profile == null) {
            return 0;
        }
        long now = System.nanoTime();
        profile.current[phase.ordinal()] += now - since;
        return now;
    }

    /**
     * Ends a step of {@code size} images that began at {@code start} (a {@link #now}, before
     * waiting for its batch): what no phase took is {@link Phase#LOOP}; its phase times become one
     * sample each (after the skipped steps). Returns now.
     */
    static long stepDone(StepProfile profile, int size, long start) {
        if (profile == null) {
            return 0;
        }
        long now = System.nanoTime();
        long named = 0;
        for (Phase phase : Phase.values()) {
            named += profile.current[phase.ordinal()];
        }
        profile.current[Phase.LOOP.ordinal()] += Math.max(0, now - start - named);
        profile.record(size);
        return now;
    }

    private void record(int size) {
        if (seen++ >= skip) {
            for (Phase phase : Phase.values()) {
                long[] samples = nanos.get(phase);
                if (steps == samples.length) {
                    samples = Arrays.copyOf(samples, 2 * samples.length);
                    nanos.put(phase, samples);
                }
                samples[steps] = current[phase.ordinal()];
            }
            steps++;
            images += size;
        }
        Arrays.fill(current, 0);
    }

    /** Steps measured (after the skipped ones). */
    public int steps() {
        return steps;
    }

    /** Images in the measured steps. */
    public long images() {
        return images;
    }

    /** Total seconds of {@code phase} over the measured steps. */
    public double seconds(Phase phase) {
        long[] samples = nanos.get(phase);
        long sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += samples[i];
        }
        return sum / 1e9;
    }

    /** Total seconds of the measured steps, all phases. */
    public double totalSeconds() {
        double total = 0;
        for (Phase phase : Phase.values()) {
            total += seconds(phase);
        }
        return total;
    }

    /** {@code phase}'s share of the measured steps' time, in [0, 1]. */
    public double share(Phase phase) {
        double total = totalSeconds();
        return total == 0 ? 0 : seconds(phase) / total;
    }

    /** The median of the measured steps' whole times, in seconds (NaN before any). */
    public double medianStepSeconds() {
        long[] totals = new long[steps];
        for (Phase phase : Phase.values()) {
            long[] samples = nanos.get(phase);
            for (int i = 0; i < steps; i++) {
                totals[i] += samples[i];
            }
        }
        return median(totals);
    }

    /** The median of {@code phase}'s time per measured step, in seconds (NaN before any). */
    public double medianSeconds(Phase phase) {
        return median(Arrays.copyOf(nanos.get(phase), steps));
    }

    private static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int n = values.length;
        return (n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0) / 1e9;
    }
}
