package dev.lamina.runtime.train;

import dev.lamina.runtime.InvalidInputException;
import java.util.Locale;

/**
 * How the learning rate moves over a run, as a pure function of the optimizer step: {@link
 * #constant()} keeps the configured rate; {@link #cosine(double)} ramps it up linearly over the
 * first {@code warmup} fraction of the run's steps, then follows half a cosine down to zero at the
 * last step.
 *
 * <p>The step is the run's global optimizer step (saved in checkpoints), so a resumed run continues
 * the schedule where the interrupted one stopped. A short run gains most from the decay: the last
 * steps, taken with a small rate, settle the parameters instead of leaving them wherever the last
 * large step threw them, which is what a constant rate does.
 *
 * <p>Written as text ({@link #parse}, {@link #format}): {@code constant}, {@code cosine} (no
 * warm-up) or {@code cosine:0.05} (warm-up over the first 5% of the steps).
 *
 * @param kind the shape of the curve
 * @param warmup fraction of the run's steps over which the rate ramps up linearly, in [0, 1);
 *     always 0 for {@code CONSTANT}
 */
public record LearningRateSchedule(Kind kind, double warmup) {

    /** The shape of the curve. */
    public enum Kind {
        /** The configured rate at every step. */
        CONSTANT,
        /** Optional linear warm-up, then half a cosine from the configured rate down to 0. */
        COSINE
    }

    public LearningRateSchedule {
        if (kind == null) {
            throw new InvalidInputException("learning rate schedule: the kind is missing");
        }
        if (!(warmup >= 0 && warmup < 1)) {
            throw new InvalidInputException("learning rate schedule: the warm-up must be a fraction of the"
                    + " run's steps, at least 0 and below 1, got " + warmup);
        }
        if (kind == Kind.CONSTANT && warmup != 0) {
            throw new InvalidInputException("learning rate schedule: a constant rate has no warm-up; use"
                    + " cosine:" + warmup + " for a warm-up followed by a cosine decay");
        }
    }

    /** The configured rate at every step. */
    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 0);
    }

    /** Linear warm-up over {@code warmup} of the steps, then a cosine decay to 0 at the last step. */
    public static LearningRateSchedule cosine(double warmup) {
        return new LearningRateSchedule(Kind.COSINE, warmup);
    }

    /**
     * The rate for the optimizer step {@code step} (0 for the run's first step) of a run of {@code
     * totalSteps} steps, given the configured rate {@code base}.
     */
    public float rate(float base, long step, long totalSteps) {
        if (kind == Kind.CONSTANT || totalSteps <= 1) {
            return base;
        }
        long last = totalSteps - 1;
        long s = Math.max(0, Math.min(step, last));
        long warmupSteps = (long) Math.floor(warmup * totalSteps);
        if (s < warmupSteps) {
            // the first step gets base / warmupSteps, not 0, so no warm-up step is wasted (the
            // cosine's last step does take rate 0: one step of the run)
            return (float) (base * (s + 1) / (double) warmupSteps);
        }
        long decaySteps = last - warmupSteps;
        if (decaySteps <= 0) {
            return base;
        }
        double progress = (s - warmupSteps) / (double) decaySteps;
        return (float) (base * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    /** {@code constant}, {@code cosine} or {@code cosine:<warmup>}; what {@link #parse} reads. */
    public String format() {
        if (kind == Kind.CONSTANT) {
            return "constant";
        }
        return warmup == 0 ? "cosine" : "cosine:" + warmup;
    }

    /**
     * Reads {@code constant}, {@code cosine} or {@code cosine:<warmup fraction>}, e.g. {@code
     * cosine:0.05}; anything else is an {@link InvalidInputException} saying what is accepted.
     */
    public static LearningRateSchedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("constant")) {
            return constant();
        }
        if (t.equals("cosine")) {
            return cosine(0);
        }
        if (t.startsWith("cosine:")) {
            String fraction = t.substring("cosine:".length());
            try {
                return cosine(Double.parseDouble(fraction));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("learning rate schedule '" + text + "': the warm-up after"
                        + " 'cosine:' must be a number such as 0.05, got '" + fraction + "'");
            }
        }
        throw new InvalidInputException("unknown learning rate schedule '" + text + "'; use constant, cosine,"
                + " or cosine:<warm-up fraction> such as cosine:0.05");
    }

    @Override
    public String toString() {
        return format();
    }
}
