package dev.lamina.examples.inference;

import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
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
    public static int write(LabeledImages set, List<String> classNames, Path dir) throws IOException {
        for (int i = 0; i < set.size(); i++) {
            BufferedImage image = toImage(set, i);
            Path folder = dir.resolve(classNames.get(set.labels()[i]).replace('/', '_'));  // as lamina predict reads it
            Files.createDirectories(folder);
            ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
        }
        return set.size();
    }

    /** Example {@code i} of {@code set} as an 8-bit grey or RGB image (value * 255). */
    public static BufferedImage toImage(LabeledImages set, int i) {
        int c = set.channels();
        int h = set.height();
        int w = set.width();
        int plane = h * w;
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int base = i * c * plane;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (c == 1) {
                    image.getRaster().setSample(x, y, 0, Math.round(set.images()[base + p] * 255f));
                } else {
                    int r = Math.round(set.images()[base + p] * 255f);
                    int g = Math.round(set.images()[base + plane + p] * 255f);
                    int b = Math.round(set.images()[base + 2 * plane + p] * 255f);
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
        LabeledImages set = LabeledImages.copyOf("train".equals(args[1]) ? splits.train() : splits.test());
        int n = write(set, kind.classNames(), Path.of(args[2]));
        System.out.println(n + " PNG files written to " + args[2]);
    }
}
