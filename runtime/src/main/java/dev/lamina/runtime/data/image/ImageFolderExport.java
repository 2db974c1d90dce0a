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
 * Writes in-memory examples (grey or RGB) as an image folder, {@code DIR/<class>/<index>.png}:
 * 8-bit grey or RGB PNGs holding the example's values times 255 (the exact bytes of an IDX or
 * CIFAR file), class folders named {@code <label>-<name>} (e.g. {@code 0-t-shirt-top}; the label
 * zero-padded to the digits of the highest one, {@code 07-7} for label 7 of CIFAR-100) so that sorted
 * order is label order, file names the zero-padded index in the set ({@code 00009.png}), so a
 * class keeps the set's order. {@link ImageFolders} reads such a folder back to the same values
 * ({@code IdxAsFolderTest}), and {@code lamina predict} reads the label from the folder name.
 */
public final class ImageFolderExport {

    private ImageFolderExport() {}

    /**
     * Writes {@code set} under {@code dir}.
     *
     * @param classNames the name of each label
     * @throws IllegalArgumentException when the set is neither grey (C = 1) nor RGB (C = 3), or
     *     names fewer classes than it has
     */
    public static void write(LabeledImages set, List<String> classNames, Path dir) throws IOException {
        if (set.channels() != 1 && set.channels() != 3) {
            throw new IllegalArgumentException(set.name() + " has " + set.channels() + " channels; PNG files"
                    + " are written for grey (1) or RGB (3) sets");
        }
        if (classNames.size() < set.classes()) {
            throw new IllegalArgumentException(set.name() + " has " + set.classes() + " classes but "
                    + classNames.size() + " names were given");
        }
        String[] folders = new String[set.classes()];
        for (int c = 0; c < folders.length; c++) {
            folders[c] = folderName(c, set.classes(), classNames.get(c));
        }
        String fileName = "%0" + Math.max(5, String.valueOf(Math.max(0, set.size() - 1)).length()) + "d.png";
        for (int i = 0; i < set.size(); i++) {
            Path folder = dir.resolve(folders[set.labels()[i]]);
            Files.createDirectories(folder);
            ImageIO.write(toImage(set, i), "png", folder.resolve(String.format(Locale.ROOT, fileName, i)).toFile());
        }
    }

    /**
     * The folder name of {@code label}: {@code <label>-<name>}, the name in lower case with every
     * run of other characters than a-z and 0-9 as one '-', the label zero-padded to the digits of
     * {@code classes - 1}: {@code 0-t-shirt-top}, {@code 7-horse}, {@code 07-7}.
     */
    public static String folderName(int label, int classes, String className) {
        String index = String.format(Locale.ROOT, "%0" + String.valueOf(Math.max(0, classes - 1)).length() + "d",
                label);
        return index + "-" + className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Example {@code i} of a grey or RGB {@code set} as an 8-bit image (value * 255). */
    public static BufferedImage toImage(LabeledImages set, int i) {
        int c = set.channels();
        int h = set.height();
        int w = set.width();
        int plane = h * w;
        int base = i * c * plane;
        float[] values = set.images();
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        if (c == 1) {
            int[] pixels = new int[plane];
            for (int p = 0; p < plane; p++) {
                pixels[p] = Math.round(values[base + p] * 255);
            }
            image.getRaster().setSamples(0, 0, w, h, 0, pixels);
            return image;
        }
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = Math.round(values[base + p] * 255);
            int g = Math.round(values[base + plane + p] * 255);
            int b = Math.round(values[base + 2 * plane + p] * 255);
            rgb[p] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return image;
    }
}
