package dev.lamina.runtime.data.image;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a built-in grey dataset as an image folder, OUT/train/&lt;class&gt;/&lt;index&gt;.png and
 * OUT/test/&lt;class&gt;/&lt;index&gt;.png (8-bit grey PNGs holding the exact bytes of the IDX files;
 * class folders are named {@code 0-t-shirt-top} .. {@code 9-ankle-boot}, so sorted order is label
 * order; file names are the zero-padded index in the IDX file, so a class keeps its IDX order).
 * Not a test: the measurement in docs/data.md. From {@code runtime/} after {@code mvn -o -q
 * test-compile}: {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * dev.lamina.runtime.data.image.ExportAsPngFolder OUT [KIND [DIR]]}.
 */
public final class ExportAsPngFolder {

    private ExportAsPngFolder() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        DatasetKind kind = DatasetKind.parse(args.length > 1 ? args[1] : "fashion-mnist");
        DataSplits splits = args.length > 2 ? kind.at(Path.of(args[2])).load() : kind.atDefault().load();
        write(LabeledImages.copyOf(splits.train()), kind, out.resolve("train"));
        write(LabeledImages.copyOf(splits.test()), kind, out.resolve("test"));
        System.out.printf(Locale.ROOT, "wrote %d + %d PNGs to %s%n", splits.train().size(), splits.test().size(), out);
    }

    static void write(LabeledImages set, DatasetKind kind, Path dir) throws IOException {
        if (set.channels() != 1) {
            throw new IllegalArgumentException(set.name() + " is not grey");
        }
        String[] folders = new String[set.classes()];
        for (int c = 0; c < folders.length; c++) {
            folders[c] = c + "-" + kind.classNames().get(c).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            Files.createDirectories(dir.resolve(folders[c]));
        }
        int plane = set.height() * set.width();
        int[] pixels = new int[plane];
        for (int i = 0; i < set.size(); i++) {
            for (int p = 0; p < plane; p++) {
                pixels[p] = Math.round(set.images()[i * plane + p] * 255);
            }
            BufferedImage image = new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSamples(0, 0, set.width(), set.height(), 0, pixels);
            ImageIO.write(image, "png", dir.resolve(folders[set.labels()[i]]).resolve(String.format("%05d.png", i)).toFile());
        }
    }
}
