package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step profile's bookkeeping: skipped warm-up, the remainder as LOOP, shares and medians. */
class StepProfileTest {

    @Test
    void warmUpStepsAreSkippedAndTheRestOfAStepIsTheLoop() throws InterruptedException {
        StepProfile profile = new StepProfile(1);
        for (int step = 0; step < 3; step++) {
            long start = StepProfile.now(profile);
            long t = StepProfile.add(profile, StepProfile.Phase.DATA, start);
            Thread.sleep(step == 0 ? 50 : 5); // the skipped step is the slow one
            t = StepProfile.add(profile, StepProfile.Phase.FORWARD_BACKWARD, t);
            Thread.sleep(2); // in no phase: the loop's
            StepProfile.stepDone(profile, 16, start);
        }
        assertEquals(2, profile.steps());
        assertEquals(32, profile.images());
        assertTrue(profile.medianStepSeconds() < 0.04, "the 50 ms warm-up step is not counted: " + profile.medianStepSeconds());
        assertTrue(profile.medianSeconds(StepProfile.Phase.FORWARD_BACKWARD) >= 0.005);
        assertTrue(profile.medianSeconds(StepProfile.Phase.LOOP) >= 0.002);
        double shares = 0;
        for (StepProfile.Phase phase : StepProfile.Phase.values()) {
            shares += profile.share(phase);
        }
        assertEquals(1, shares, 1e-9);
        assertEquals(profile.totalSeconds(), profile.seconds(StepProfile.Phase.DATA) + profile.seconds(StepProfile.Phase.FORWARD_BACKWARD)
                + profile.seconds(StepProfile.Phase.LOOP), 1e-12);
    }

    @Test
    void withoutAProfileNoClockIsReadAndNothingIsKept() {
        assertEquals(0, StepProfile.now(null));
        assertEquals(0, StepProfile.add(null, StepProfile.Phase.DATA, 123));
        assertEquals(0, StepProfile.stepDone(null, 16, 123));
    }
}
