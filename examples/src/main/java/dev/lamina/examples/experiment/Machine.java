package dev.lamina.examples.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine an experiment ran on, and how busy it was: training speed (the {@code s/epoch}
 * column) measures the machine and the other jobs sharing its cores as much as the model, so
 * {@code results.md} and {@code runs.json} record both.
 *
 * @param cpu the CPU's model name ({@code /proc/cpuinfo}'s first {@code model name}; the JVM's
 *        {@code os.arch} where there is none)
 * @param cores the cores the JVM may use
 */
public record Machine(String cpu, int cores) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    /** This machine. */
    public static Machine current() {
        return new Machine(cpuModel().orElse(System.getProperty("os.arch", "unknown CPU")),
                Runtime.getRuntime().availableProcessors());
    }

    /** One line, e.g. {@code AMD EPYC, 2 cores}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d core%s", cpu, cores, cores == 1 ? "" : "s");
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(CPUINFO).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The system load average over the last 1, 5 and 15 minutes ({@code /proc/loadavg}; where
     * there is none, the JVM's one-minute figure and NaN for the others; NaN where the platform
     * gives none at all). Above the core count means jobs were waiting for a core.
     */
    public record Load(double one, double five, double fifteen) {
        /** The load now. */
        public static Load now() {
            try {
                String[] f = Files.readString(LOADAVG).trim().split("\\s+");
                return new Load(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            } catch (IOException | RuntimeException e) {
                double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                return new Load(one < 0 ? Double.NaN : one, Double.NaN, Double.NaN);
            }
        }

        /** {@code 0.47 / 1.41 / 0.91}. */
        public String describe() {
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", one, five, fifteen);
        }

        /** The three figures, for JSON. */
        public List<Double> values() {
            return List.of(one, five, fifteen);
        }
    }
}
