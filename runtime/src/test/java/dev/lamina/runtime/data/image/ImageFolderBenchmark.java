package dev.lamina.runtime.data.image;

import dev.lamina.runtime.data.BatchOptions;
import dev.lamina.runtime.data.DataBenchmark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The image-folder pipeline alone: generates COUNT PNGs of C x H x W in 10 class folders under
 * DIR (a fresh temporary directory when not given; never in the repository), loads them with
 * {@link ImageFolders} (every file decoded once), runs one epoch of batches with and without
 * prefetch (the consumer does nothing), and prints images/s and the peak heap. Not a test: the
 * measurements in docs/data.md. From {@code runtime/} after {@code mvn -o -q test-compile}:
 * {@code java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * dev.lamina.runtime.data.image.ImageFolderBenchmark COUNT C H W [DIR]}.
 */
public final class ImageFolderBenchmark {

    private ImageFolderBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        int c = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        int w = Integer.parseInt(args[3]);
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("lamina-folder-bench");
        long start = System.nanoTime();
        if (!Files.isDirectory(dir.resolve("class-0"))) {
            generate(dir, count, c, h, w);
            System.out.printf(Locale.ROOT, "generated %d %dx%dx%d PNGs in %s in %.1f s%n", count, c, h, w, dir,
                    seconds(start));
        }
        resetPeaks();
        start = System.nanoTime();
        ImageFolders.Loaded data = ImageFolders.load(dir, c, h, w);
        double load = seconds(start);
        int total = data.splits().train().size() + data.splits().test().size();
        System.out.printf(Locale.ROOT, "load + check every file: %d images in %.1f s (%.0f images/s, %d threads)%n",
                total, load, total / load, Runtime.getRuntime().availableProcessors());
        for (int prefetch : new int[] {0, BatchOptions.DEFAULT_PREFETCH}) {
            long cpu = cpuNanos();
            DataBenchmark.epoch("folder, batch 64", data.splits().train(),
                    BatchOptions.training(64, 1).withPrefetch(prefetch));
            System.out.printf(Locale.ROOT, "  CPU time: %.1f us per image (%.0f images/s per core, whatever else runs)%n",
                    (cpuNanos() - cpu) / 1e3 / data.splits().train().size(),
                    data.splits().train().size() / ((cpuNanos() - cpu) / 1e9));
        }
        System.out.printf(Locale.ROOT, "peak heap used: %.1f MiB (max heap %.0f MiB); all %d images as floats"
                        + " would take %.1f MiB%n", peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                total, (double) total * c * h * w * 4 / 1048576.0);
    }

    /** Smooth class-dependent gradients plus noise, so PNG sizes are like photos', not like noise. */
    static void generate(Path dir, int count, int c, int h, int w) throws IOException {
        Random random = new Random(1);
        for (int k = 0; k < 10; k++) {
            Files.createDirectories(dir.resolve("class-" + k));
        }
        for (int i = 0; i < count; i++) {
            int k = i % 10;
            BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY
                    : BufferedImage.TYPE_INT_RGB);
            int[] pixels = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = Math.max(0, Math.min(255, (x * (k + 1) * 255 / w + y * 128 / h) % 256
                            + (int) (8 * random.nextGaussian())));
                    pixels[y * w + x] = c == 1 ? v : v << 16 | (255 - v) << 8 | (v * k / 10);
                }
            }
            if (c == 1) {
                image.getRaster().setSamples(0, 0, w, h, 0, pixels);
            } else {
                image.setRGB(0, 0, w, h, pixels, 0, w);
            }
            ImageIO.write(image, "png", dir.resolve("class-" + k).resolve(String.format("%06d.png", i)).toFile());
        }
    }

    /** CPU time of this process: unlike wall time, not inflated by other processes on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
