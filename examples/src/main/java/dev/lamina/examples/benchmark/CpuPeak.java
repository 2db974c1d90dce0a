package dev.lamina.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's fp32 peak, from {@code /proc/cpuinfo}: cores x FMA units x vector lanes x 2 FLOPs
 * (an FMA is a multiply and an add) x clock. Lanes come from the widest vector flag: {@code
 * avx512f} 16 fp32 lanes, {@code avx2} (or {@code avx}) 8, else 4 (SSE). FMA units: 2, as on
 * AVX-512 server parts (Intel Xeon Skylake-SP and later with two 512-bit FMA ports) and on every
 * AVX2 core since Haswell; an assumption, not read from the CPU (AMD Zen 4 executes a 512-bit FMA as
 * two 256-bit halves, so its real peak is half this formula's). The clock is the nominal one of
 * the model name ({@code @ 2.60GHz}) when it has one, else the first {@code cpu MHz} (the current
 * clock, which a turbo or a power state moves). Cores: the processors this JVM may use.
 *
 * @param model the {@code model name} line
 * @param cores processors available to this JVM
 * @param ghz clock in GHz
 * @param vectorFlag the flag the lanes come from ({@code avx512f}, {@code avx2}, {@code avx}, or {@code sse})
 * @param lanes fp32 lanes per vector
 * @param fmaUnits FMA units per core (assumed 2)
 */
public record CpuPeak(String model, int cores, double ghz, String vectorFlag, int lanes, int fmaUnits) {

    private static final Pattern NOMINAL = Pattern.compile("@\\s*([0-9.]+)\\s*GHz");

    /** This machine's, from {@code /proc/cpuinfo}. */
    public static CpuPeak ofThisMachine() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors());
    }

    /** From the lines of a {@code /proc/cpuinfo} and the processors to count. */
    public static CpuPeak parse(List<String> cpuinfo, int cores) {
        String model = field(cpuinfo, "model name");
        String mhz = field(cpuinfo, "cpu MHz");
        Set<String> flags = Set.of(field(cpuinfo, "flags").split("\\s+"));
        Matcher nominal = NOMINAL.matcher(model);
        double ghz = nominal.find() ? Double.parseDouble(nominal.group(1))
                : mhz.isEmpty() ? Double.NaN : Double.parseDouble(mhz) / 1000;
        String flag = flags.contains("avx512f") ? "avx512f" : flags.contains("avx2") ? "avx2"
                : flags.contains("avx") ? "avx" : "sse";
        int lanes = switch (flag) {
            case "avx512f" -> 16;
            case "avx2", "avx" -> 8;
            default -> 4;
        };
        return new CpuPeak(model.isEmpty() ? "unknown CPU" : model, cores, ghz, flag, lanes, 2);
    }

    /** The peak in GFLOP/s: cores x FMA units x lanes x 2 x GHz. */
    public double gflops() {
        return cores * fmaUnits * lanes * 2 * ghz;
    }

    /** The formula with this machine's numbers. */
    public String formula() {
        return String.format(Locale.ROOT, "%d cores x %d FMA units x %d fp32 lanes (%s) x 2 FLOPs x %.2f GHz = %.1f GFLOP/s",
                cores, fmaUnits, lanes, vectorFlag, ghz, gflops());
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
