package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final float BASE = 0.004f;

    @Test
    void constantKeepsTheConfiguredRateAtEveryStep() {
        LearningRateSchedule constant = LearningRateSchedule.constant();
        for (long step : new long[] {0, 1, 499, 999}) {
            assertEquals(BASE, constant.rate(BASE, step, 1000));
        }
    }

    @Test
    void cosineStartsAtTheRateHalvesAtMidRunAndEndsAtZero() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(0);

        assertEquals(BASE, cosine.rate(BASE, 0, 1001), 1e-9);
        assertEquals(BASE / 2, cosine.rate(BASE, 500, 1001), 1e-9);
        assertEquals(0, cosine.rate(BASE, 1000, 1001), 1e-9);
        float previous = Float.MAX_VALUE;
        for (long step = 0; step < 1001; step++) {
            float rate = cosine.rate(BASE, step, 1001);
            assertTrue(rate <= previous, "the rate rose at step " + step);
            previous = rate;
        }
    }

    @Test
    void warmUpRampsLinearlyToThePeakThenDecays() {
        // 10% of 1000 steps: steps 0..99 ramp, step 100 is the peak
        LearningRateSchedule schedule = LearningRateSchedule.cosine(0.1);

        assertEquals(BASE / 100, schedule.rate(BASE, 0, 1000), 1e-9);
        assertEquals(BASE / 2, schedule.rate(BASE, 49, 1000), 1e-9);
        assertEquals(BASE, schedule.rate(BASE, 99, 1000), 1e-9);
        assertEquals(BASE, schedule.rate(BASE, 100, 1000), 1e-9);
        assertTrue(schedule.rate(BASE, 500, 1000) < BASE);
        assertEquals(0, schedule.rate(BASE, 999, 1000), 1e-9);
    }

    @Test
    void stepsPastTheEndStayAtTheLastRateAndTinyRunsUseTheConfiguredRate() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(0);

        assertEquals(0, cosine.rate(BASE, 5000, 1000), 1e-9);
        assertEquals(BASE, cosine.rate(BASE, 0, 1));
    }

    @Test
    void textRoundTripsThroughParseAndFormat() {
        for (String text : new String[] {"constant", "cosine", "cosine:0.05"}) {
            assertEquals(text, LearningRateSchedule.parse(text).format());
        }
        assertEquals(LearningRateSchedule.cosine(0.2), LearningRateSchedule.parse(" Cosine:0.2 "));
    }

    @Test
    void badTextAndOutOfRangeWarmUpsAreRefusedSayingWhatIsAccepted() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> LearningRateSchedule.parse("linear"));
        assertTrue(unknown.getMessage().contains("use constant, cosine, or cosine:<warm-up fraction>"),
                unknown.getMessage());
        InvalidInputException notANumber = assertThrows(InvalidInputException.class,
                () -> LearningRateSchedule.parse("cosine:abc"));
        assertTrue(notANumber.getMessage().contains("got 'abc'"), notANumber.getMessage());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> LearningRateSchedule.parse("cosine:1"));
        assertTrue(tooLong.getMessage().contains("below 1"), tooLong.getMessage());
        assertThrows(InvalidInputException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 0.1));
    }
}
