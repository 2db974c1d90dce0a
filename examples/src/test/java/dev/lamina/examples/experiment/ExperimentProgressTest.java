package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExperimentProgressTest {

    @Test
    void etaForTheRestIsTheMeanRunTimesTheRunsLeft() {
        assertEquals("experiment: 2/11 runs done in 1:40; ETA 7:30 for the other 9 (from the mean run so far)",
                Experiment.progress(2, 11, 100));
        assertEquals("experiment: 1/33 runs done in 2:00; ETA 1:04:00 for the other 32 (from the mean run so far)",
                Experiment.progress(1, 33, 120));
    }

    @Test
    void theLastRunSaysHowLongTheRunsTookWithoutAnEta() {
        assertEquals("experiment: 11/11 runs done in 55:00", Experiment.progress(11, 11, 3300));
    }
}
