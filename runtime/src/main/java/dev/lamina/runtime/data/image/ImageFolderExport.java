package dev.lamina.runtime.data.image;

import dev.lamina.runtime.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes grey in-memory examples as an image folder, {@code DIR/<class>/<index>.png}: 8-bit grey
 * PNGs holding the example's values times 255 (the exact bytes of an IDX file), class folders named
 * {@code <label>-<name>} (e.g. {@code 0-t-shirt-top}) so that sorted order is label order for up
 * to 10 classes, file names the zero-padded index in the set, so a class keeps the set's order.
 * {@link ImageFolders} reads such a folder back to the same values ({@code IdxAsFolderTest}).
 */
public final class ImageFolderExport {

    private ImageFolderExport() {}

    /**
     * Writes {@code set} under {@code dir}.
     *
     * @param classNames the name of each label
     * @throws IllegalArgumentException when the set is not grey (C = 1) or has more than 10 classes
     */
    public static void write(LabeledImages set, List<String> classNames, Path dir) throws IOException {
        if (set.channels() != 1 || set.classes() > 10) {
            throw new IllegalArgumentException(set.name() + " is not a grey set of at most 10 classes");
        }
        String[] folders = new String[set.classes()];
        for (int c = 0; c < folders.length; c++) {
            folders[c] = c + "-" + classNames.get(c).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
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
