package dev.lamina.examples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fp32 peak formula on /proc/cpuinfo texts of the kinds the docs name. */
class CpuPeakTest {

    @Test
    void anAvx512XeonCountsSixteenLanesTwoFmaUnitsAndItsNominalClock() {
        CpuPeak peak = CpuPeak.parse(List.of("processor\t: 0", "model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz",
                "cpu MHz\t\t: 3100.000", "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw amx_tile"), 2);
        assertEquals(16, peak.lanes());
        assertEquals(2.70, peak.ghz(), 1e-9);
        // 2 cores x 2 FMA units x 16 lanes x 2 FLOPs x 2.7 GHz
        assertEquals(345.6, peak.gflops(), 1e-9);
    }

    @Test
    void withoutANominalClockTheCurrentOneIsUsedAndAvx2HasEightLanes() {
        CpuPeak peak = CpuPeak.parse(List.of("model name\t: AMD EPYC", "cpu MHz\t\t: 2596.134", "flags\t\t: sse2 avx avx2 fma"), 4);
        assertEquals(8, peak.lanes());
        assertEquals("avx2", peak.vectorFlag());
        assertEquals(4 * 2 * 8 * 2 * 2.596134, peak.gflops(), 1e-9);
    }

    @Test
    void noVectorFlagMeansSse() {
        assertEquals(4, CpuPeak.parse(List.of("model name\t: Old", "cpu MHz\t\t: 1000", "flags\t\t: fpu sse2"), 1).lanes());
    }
}
