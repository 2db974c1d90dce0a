package dev.lamina.examples.inference;

import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.ExampleSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a labelled image set as PNG files in one folder per class, named as {@code lamina
 * predict} reads labels (the class name, '/' written as '_'): {@code DIR/Sneaker/00042.png}. The
 * samples are the dataset's bytes (value * 255), so a PNG decodes to exactly the training input.
 * Not a test; for the docs' full measurement: {@code java -cp ... dev.lamina.examples.inference.PngFolders
 * fashion-mnist test DIR} (see docs/inference.md).
 */
public final class PngFolders {

    private PngFolders() {}

    /** Writes {@code set} (grey or RGB) under {@code dir}; returns the number of files. */
    public static int write(ExampleSet set, List<String> classNames, Path dir) throws IOException {
        float[] values = new float[set.exampleSize()];
        for (int i = 0; i < set.size(); i++) {
            int label = set.read(i, values, 0);
            BufferedImage image = toImage(set, values);
            Path folder = dir.resolve(classNames.get(label).replace('/', '_'));
            Files.createDirectories(folder);
            ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
        }
        return set.size();
    }

    /** Example {@code i} of {@code set} as an 8-bit grey or RGB image (value * 255). */
    public static BufferedImage toImage(ExampleSet set, int i) {
        float[] values = new float[set.exampleSize()];
        set.read(i, values, 0);
        return toImage(set, values);
    }

    /** One example's values (channels first, in [0, 1]) of {@code set} as an 8-bit grey or RGB image. */
    private static BufferedImage toImage(ExampleSet set, float[] values) {
        int c = set.channels();
        int h = set.height();
        int w = set.width();
        int plane = h * w;
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int base = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (c == 1) {
                    image.getRaster().setSample(x, y, 0, Math.round(values[base + p] * 255f));
                } else {
                    int r = Math.round(values[base + p] * 255f);
                    int g = Math.round(values[base + plane + p] * 255f);
                    int b = Math.round(values[base + 2 * plane + p] * 255f);
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return image;
    }

    /** {@code KIND test|train DIR [DATA_DIR]}. */
    public static void main(String[] args) throws IOException {
        DatasetKind kind = DatasetKind.parse(args[0]);
        var splits = Datasets.load(args[0], args.length > 3 ? Path.of(args[3]) : null);
        ExampleSet set = "train".equals(args[1]) ? splits.train() : splits.test();
        int n = write(set, kind.classNames(), Path.of(args[2]));
        System.out.println(n + " PNG files written to " + args[2]);
    }
}
