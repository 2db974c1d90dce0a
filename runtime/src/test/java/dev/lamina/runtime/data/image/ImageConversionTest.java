package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.ImageFactory;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConversionTest {

    @TempDir
    Path dir;

    /** A grey image whose pixel (y, x) is {@code values[y * width + x]}. */
    static BufferedImage grey(int height, int width, int... values) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, values);
        return image;
    }

    /** An RGB image whose pixels are the given 0xRRGGBB values. */
    static BufferedImage rgb(int height, int width, int... rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) {
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void greyPngKeepsItsStoredSamplesExactly() {
        Path file = write(grey(2, 3, 0, 1, 64, 128, 200, 255), "png", dir.resolve("g.png"));
        float[] x = ImageConversion.toChw(file, 1, 2, 3);
        // 128 would come back as about 0.73 through getRGB's linear-grey-to-sRGB conversion.
        assertArrayEquals(new float[] {0, 1 / 255f, 64 / 255f, 128 / 255f, 200 / 255f, 1}, x);
    }

    @Test
    void rgbPngBecomesChannelPlanesInRgbOrder() {
        Path file = write(rgb(1, 2, 0xff0000, 0x0080ff), "png", dir.resolve("c.png"));
        assertArrayEquals(new float[] {1, 0, 0, 128 / 255f, 0, 1}, ImageConversion.toChw(file, 3, 1, 2));
    }

    @Test
    void colourToGreyUsesBt601Luma() {
        Path file = write(rgb(1, 3, 0xff0000, 0x00ff00, 0x0000ff), "png", dir.resolve("c.png"));
        float[] x = ImageConversion.toChw(file, 1, 1, 3);
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f}, x, 1e-6f);
    }

    @Test
    void greyToRgbRepeatsTheChannel() {
        Path file = write(grey(1, 2, 10, 250), "png", dir.resolve("g.png"));
        float[] x = ImageConversion.toChw(file, 3, 1, 2);
        float a = 10 / 255f;
        float b = 250 / 255f;
        assertArrayEquals(new float[] {a, b, a, b, a, b}, x);
    }

    @Test
    void sixteenBitGreyIsScaledByItsOwnRange() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 65535 / 5});
        Path file = write(image, "png", dir.resolve("g16.png"));
        assertArrayEquals(new float[] {0, (65535 / 5) / 65535f}, ImageConversion.toChw(file, 1, 1, 2), 1e-7f);
    }

    @Test
    void palettePngUsesItsPaletteColours() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 255},
                new byte[] {0, 0}, new byte[] {0, (byte) 128});
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 0});
        Path file = write(image, "png", dir.resolve("p.png"));
        assertArrayEquals(new float[] {1, 0, 0, 0, 128 / 255f, 0}, ImageConversion.toChw(file, 3, 1, 2));
    }

    @Test
    void jpegDecodesToNearlyItsColour() {
        int[] pixels = new int[64];
        Arrays.fill(pixels, 0x3070b0);
        Path file = write(rgb(8, 8, pixels), "jpg", dir.resolve("c.jpg"));
        float[] x = ImageConversion.toChw(file, 3, 8, 8);
        assertEquals(0x30 / 255f, x[0], 0.03f);
        assertEquals(0x70 / 255f, x[64], 0.03f);
        assertEquals(0xb0 / 255f, x[128], 0.03f);
    }

    @Test
    void djlImageGivesTheSameValuesAsTheFile() throws IOException {
        Path file = write(rgb(2, 2, 0x102030, 0x405060, 0x708090, 0xa0b0c0), "png", dir.resolve("c.png"));
        float[] viaDjl = ImageConversion.toChw(ImageFactory.getInstance().fromFile(file), 3, 2, 2, Resize.NONE);
        assertArrayEquals(ImageConversion.toChw(file, 3, 2, 2), viaDjl);
    }

    @Test
    void textFileIsNotAnImageAndTheMessageNamesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "labels: shoes\n");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.toChw(file, 1, 2, 2));
        assertEquals(Problem.NOT_AN_IMAGE, e.problem());
        assertOneLineNaming(e, file);
    }

    @Test
    void emptyFileIsNotAnImage() throws IOException {
        Path file = Files.write(dir.resolve("empty.png"), new byte[0]);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.toChw(file, 1, 2, 2));
        assertEquals(Problem.NOT_AN_IMAGE, e.problem());
        assertOneLineNaming(e, file);
    }

    @Test
    void truncatedPngIsCorrupt() throws IOException {
        assertTruncatedIsCorrupt("png");
    }

    @Test
    void truncatedJpegIsCorruptRatherThanGreyFilled() throws IOException {
        assertTruncatedIsCorrupt("jpg");
    }

    private void assertTruncatedIsCorrupt(String format) throws IOException {
        int[] pixels = new int[32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 0x9E3779B1) & 0xffffff; // noise, so the file has many bytes to cut
        }
        Path whole = write(rgb(32, 32, pixels), format, dir.resolve("whole." + format));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut." + format), Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.toChw(file, 3, 32, 32));
        assertEquals(Problem.CORRUPT_IMAGE, e.problem(), e.getMessage());
        assertOneLineNaming(e, file);
    }

    @Test
    void missingFileIsAnIoProblem() {
        Path file = dir.resolve("gone.png");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.toChw(file, 1, 2, 2));
        assertEquals(Problem.IO, e.problem());
        assertOneLineNaming(e, file);
    }

    @Test
    void otherSizeIsRefusedByDefaultNamingBothSizes() {
        Path file = write(grey(3, 4, new int[12]), "png", dir.resolve("big.png"));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.toChw(file, 1, 2, 2));
        assertEquals(Problem.IMAGE_SIZE, e.problem());
        assertOneLineNaming(e, file);
        assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("2x2"), e.getMessage());
    }

    @Test
    void stretchUpscalesBilinearlyWithHalfPixelCentres() {
        // The values torch.nn.functional.interpolate(mode="bilinear", align_corners=False) gives.
        float[] x = ImageConversion.toChw(grey(1, 2, 0, 255), 1, 1, 4, Resize.STRETCH);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, x, 1e-6f);
    }

    @Test
    void stretchShrinksWithoutLosingAConstantOrItsMean() {
        int[] flat = new int[64 * 48];
        Arrays.fill(flat, 100);
        float[] x = ImageConversion.toChw(grey(64, 48, flat), 1, 7, 5, Resize.STRETCH);
        for (float v : x) {
            assertEquals(100 / 255f, v, 1e-6f);
        }
        // A fine checkerboard shrinks to its mean grey, not to aliased stripes.
        int[] board = new int[64 * 64];
        for (int i = 0; i < board.length; i++) {
            board[i] = ((i / 64 + i % 64) % 2) * 255;
        }
        for (float v : ImageConversion.toChw(grey(64, 64, board), 1, 8, 8, Resize.STRETCH)) {
            assertEquals(0.5f, v, 0.05f);
        }
    }

    @Test
    void cropKeepsTheCentreAtScaleOne() {
        // 2x4 into 2x2: one scale (1.0) covers the target; the middle two columns remain.
        float[] x = ImageConversion.toChw(grey(2, 4, 0, 10, 20, 30, 40, 50, 60, 70), 1, 2, 2, Resize.CROP);
        assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 50 / 255f, 60 / 255f}, x, 1e-6f);
    }

    @Test
    void resizePoliciesParseByName() {
        assertEquals(Resize.CROP, Resize.parse("Crop"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Resize.parse("zoom"));
        assertTrue(e.getMessage().contains("none, stretch, crop"), e.getMessage());
    }

    @Test
    void onlyOneOrThreeChannels() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImageConversion.toChw(grey(1, 1, 0), 2, 1, 1, Resize.NONE));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }

    private static void assertOneLineNaming(DatasetException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
