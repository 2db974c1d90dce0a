package dev.lamina.examples.cli;

import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageFolderExport;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * The data of the three proof tasks of docs/tasks.md, made from Fashion-MNIST (its label numbers:
 * 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9
 * Ankle boot):
 *
 * <ul>
 *   <li>{@code shirt-vs-top/}: an image folder of two classes, {@code train/} and {@code test/},
 *       {@code 0-t-shirt-top} and {@code 1-shirt}: the positive class, second in sorted order, is
 *       Shirt;
 *   <li>{@code tags/manifest.csv}: {@code file,labels}, each image's set of {@link #TAGS}: footwear
 *       (Sandal, Sneaker, Ankle boot), upper-body (T-shirt/top, Pullover, Coat, Shirt), long-sleeves
 *       (Pullover, Coat, Shirt); a Trouser, Dress or Bag has none;
 *   <li>{@code rotation/manifest.csv}: {@code file,angle}, each image rotated about its centre by an
 *       angle drawn uniformly from [-45, 45] degrees by the seed (bilinear, black outside).
 * </ul>
 */
final class TaskData {

    /** The multi-label task's labels, in sorted order. */
    static final List<String> TAGS = List.of("footwear", "long-sleeves", "upper-body");
    /** The largest rotation, in degrees either way. */
    static final double MAX_ANGLE = 45;

    private TaskData() {}

    /** The tags of Fashion-MNIST class {@code label}. */
    static List<String> tags(int label) {
        List<String> tags = new ArrayList<>();
        if (label == 5 || label == 7 || label == 9) {
            tags.add("footwear");
        }
        if (label == 2 || label == 4 || label == 6) {
            tags.add("long-sleeves");
        }
        if (label == 0 || label == 2 || label == 4 || label == 6) {
            tags.add("upper-body");
        }
        return tags;
    }

    /** Writes {@code shirt-vs-top/train} and {@code /test} from the Shirt and T-shirt/top images of both sets. */
    static int[] writeBinary(LabeledImages train, LabeledImages test, int limit, Path dir) throws IOException {
        LabeledImages trainPair = pair(train, limit);
        LabeledImages testPair = pair(test, 0);
        List<String> names = List.of("T-shirt/top", "Shirt");
        ImageFolderExport.write(trainPair, names, dir.resolve("train"));
        ImageFolderExport.write(testPair, names, dir.resolve("test"));
        return new int[] {trainPair.size(), testPair.size()};
    }

    /** The first {@code limit} (0: all) T-shirt/top (label 0) and Shirt (label 1) images. */
    private static LabeledImages pair(LabeledImages set, int limit) {
        int[] picked = IntStream.range(0, set.size()).filter(i -> set.labels()[i] == 0 || set.labels()[i] == 6)
                .limit(limit == 0 ? Long.MAX_VALUE : limit).toArray();
        LabeledImages chosen = set.select(set.name(), picked);
        int[] labels = new int[picked.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = chosen.labels()[i] == 6 ? 1 : 0;
        }
        return new LabeledImages(set.name() + " shirt vs top", 1, set.height(), set.width(), 2, chosen.images(), labels);
    }

    /** Writes {@code images/NNNNN.png} and {@code manifest.csv} ({@code file,labels}) of the first {@code n} images. */
    static void writeTags(LabeledImages set, int n, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("file,labels\n");
        Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < n; i++) {
            String file = String.format(Locale.ROOT, "images/%05d.png", i);
            ImageIO.write(ImageFolderExport.toImage(set, i), "png", dir.resolve(file).toFile());
            csv.append(file).append(',').append(String.join("|", tags(set.labels()[i]))).append('\n');
        }
        Files.writeString(dir.resolve("manifest.csv"), csv);
    }

    /** Writes {@code images/NNNNN.png}, each rotated by a seeded angle, and {@code manifest.csv} ({@code file,angle}). */
    static void writeRotation(LabeledImages set, int n, long seed, Path dir) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("file,angle\n");
        Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < n; i++) {
            double angle = (random.nextDouble() * 2 - 1) * MAX_ANGLE;
            String file = String.format(Locale.ROOT, "images/%05d.png", i);
            ImageIO.write(rotated(ImageFolderExport.toImage(set, i), angle), "png", dir.resolve(file).toFile());
            csv.append(file).append(',').append(String.format(Locale.ROOT, "%.3f", angle)).append('\n');
        }
        Files.writeString(dir.resolve("manifest.csv"), csv);
    }

    /** {@code image} turned by {@code degrees} (counter-clockwise on screen for a positive angle) about its centre. */
    static BufferedImage rotated(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(-degrees), image.getWidth() / 2.0,
                    image.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
