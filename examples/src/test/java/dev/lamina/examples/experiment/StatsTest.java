package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void meanAndSampleStandardDeviation() {
        // 0.80, 0.82, 0.84: mean 0.82, squared deviations 0.0004 + 0 + 0.0004, / (3 - 1) -> 0.02
        Stats stats = Stats.of(List.of(0.80, 0.82, 0.84));
        assertEquals(0.82, stats.mean(), 1e-12);
        assertEquals(0.02, stats.std(), 1e-12);
        assertEquals(3, stats.n());
    }

    @Test
    void singleSeedHasZeroSpread() {
        Stats stats = Stats.of(List.of(0.9));
        assertEquals(0.9, stats.mean(), 1e-12);
        assertEquals(0.0, stats.std(), 0.0);
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
    }
}
