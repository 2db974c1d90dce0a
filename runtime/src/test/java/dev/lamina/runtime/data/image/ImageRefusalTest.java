package dev.lamina.runtime.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DatasetException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images refused from their header, before their pixels are decoded (issue 21 items 7 and 14): a
 * decompression bomb, and a CMYK JPEG that Java's decoder would read with wrong values.
 */
class ImageRefusalTest {

    @TempDir
    Path dir;

    /**
     * A valid PNG header declaring {@code width x height} grey pixels, followed by the first rows
     * only: a real bomb's IDAT (zeros, deflated about 1000:1) would make the file under 1 MB, but
     * the header alone is what must be refused.
     */
    private Path pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter method, no interlace
        chunk(png, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(rows, new Deflater(9))) {
            z.write(new byte[(width + 1) * 4]);
        }
        chunk(png, "IDAT", rows.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Path file = dir.resolve("bomb-" + width + "x" + height + ".png");
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aPngDeclaringThirtyThousandSquaredPixelsIsRefusedFromItsHeader() throws IOException {
        Path bomb = pngDeclaring(30_000, 30_000);
        assertTrue(Files.size(bomb) < 10_000, "a small file");
        long before = usedHeap();
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.decode(bomb));
        assertEquals(DatasetException.Problem.IMAGE_TOO_LARGE, e.problem());
        assertTrue(e.getMessage().startsWith(bomb + ": declares 30000x30000 pixels (900,000,000), more than"
                + " Lamina decodes for one image (50,000,000"), e.getMessage());
        assertTrue(usedHeap() - before < 200L << 20, "nothing of its 900 MB of pixels was allocated");
        // also through the model-facing conversion that training and predict use
        assertEquals(DatasetException.Problem.IMAGE_TOO_LARGE, assertThrows(DatasetException.class,
                () -> ImageConversion.toChw(bomb, 1, 28, 28, ImageConversion.Resize.STRETCH)).problem());
    }

    @Test
    void anImageAtTheLimitsEdgeIsStillRead() throws IOException {
        // 8000 x 6250 = 50,000,000 pixels exactly: allowed (its header is read, then it is decoded
        // as the truncated file it is, so the failure is the decoder's, not the size limit's)
        Path edge = pngDeclaring(8_000, 6_250);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.decode(edge));
        assertEquals(DatasetException.Problem.CORRUPT_IMAGE, e.problem(), e.getMessage());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private Path jpegOfBands(int bands, String name) throws IOException {
        WritableRaster raster = Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, bands, null);
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    raster.setSample(x, y, b, 40 * b + 3 * x);
                }
            }
        }
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    @Test
    void aCmykJpegIsRefusedByNameNotReadWithWrongColours() throws IOException {
        Path cmyk = jpegOfBands(4, "print.jpg");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageConversion.decode(cmyk));
        assertEquals(DatasetException.Problem.UNSUPPORTED_IMAGE, e.problem());
        assertTrue(e.getMessage().startsWith(cmyk + ": is a CMYK (or YCCK) JPEG"), e.getMessage());
        assertTrue(e.getMessage().contains("convert it to an RGB JPEG or a PNG"), e.getMessage());
    }

    @Test
    void rgbAndGreyJpegsStillDecode() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = new BufferedImage(8, 8, type);
            image.getRaster().setSample(3, 3, 0, 200);
            Path file = dir.resolve("ok-" + type + ".jpg");
            ImageIO.write(image, "jpeg", file.toFile());
            assertEquals(8, ImageConversion.decode(file).getWidth(), "type " + type);
        }
        assertEquals(3 * 8 * 8, ImageConversion.toChw(jpegOfBands(3, "three.jpg"), 3, 8, 8,
                ImageConversion.Resize.NONE).length, "a three-component JPEG is RGB (or YCbCr) and is read");
    }
}
