package dev.lamina.runtime.data.image;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image (a PNG or JPEG file, a {@link BufferedImage}, or a DJL {@link Image}) into the
 * float array a model with input {@code (C, H, W)} takes: channels first, row after row, values
 * in [0, 1] (sample / 255 for 8-bit images, the same scale as the IDX and CIFAR readers).
 *
 * <ul>
 *   <li>Channels: {@code C = 1} gives grayscale, {@code C = 3} gives RGB. A grey image given to
 *       an RGB model is repeated in the three channels; a colour image given to a grayscale model
 *       becomes {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601 luma, as Pillow's {@code
 *       convert("L")} and torchvision's {@code Grayscale}). Grey images keep their stored samples
 *       (no colour-space conversion), 16-bit samples are divided by 65535. Alpha is dropped.</li>
 *   <li>Size: see {@link Resize}; the default ({@link Resize#NONE}) refuses an image whose size is
 *       not the model's {@code H x W}, so nothing is resized behind the user's back.</li>
 *   <li>Decoding: Java's ImageIO (what DJL's {@code BufferedImageFactory} uses), reading the
 *       stored pixels as they are: EXIF orientation is <em>not</em> applied. A decoder warning
 *       (e.g. a truncated JPEG, which ImageIO would otherwise fill with grey) is an error.</li>
 * </ul>
 *
 * <p>Every failure is a one-line {@link DatasetException} naming the file: {@link
 * Problem#NOT_AN_IMAGE}, {@link Problem#CORRUPT_IMAGE}, {@link Problem#IMAGE_SIZE} or {@link
 * Problem#IO}; a channel count other than 1 or 3 is an {@link InvalidInputException}.
 *
 * <pre>{@code
 * float[] x = ImageConversion.toChw(Path.of("shoe.png"), 1, 28, 28);   // 784 values
 * }</pre>
 */
public final class ImageConversion {

    /** How an image whose size differs from the model's {@code H x W} is treated. */
    public enum Resize {
        /** Refuse it ({@link Problem#IMAGE_SIZE}): the images must already be {@code H x W}. */
        NONE,
        /**
         * Scale each axis to {@code H x W} independently (the aspect ratio may change), as Keras'
         * {@code image_dataset_from_directory} does by default.
         */
        STRETCH,
        /**
         * Scale by one factor so that the image covers {@code H x W}, then cut the centre (nothing
         * is distorted, the borders of the longer side are lost), as torchvision's {@code
         * Resize(min(H, W))} followed by {@code CenterCrop((H, W))}.
         */
        CROP;

        /**
         * The policy with this name ({@code none}, {@code stretch}, {@code crop}; any case).
         *
         * @throws InvalidInputException naming the known policies
         */
        public static Resize parse(String name) {
            for (Resize r : values()) {
                if (r.name().equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
            throw new InvalidInputException("unknown resize policy '" + name
                    + "'; known policies: none, stretch, crop");
        }
    }

    private ImageConversion() {}

    /**
     * Decodes {@code file} into {@code C * H * W} floats; the image must be {@code H x W} already.
     *
     * @throws DatasetException naming the file when it is no image, damaged, or of another size
     * @throws InvalidInputException when {@code c} is neither 1 nor 3
     */
    public static float[] toChw(Path file, int c, int h, int w) {
        return toChw(file, c, h, w, Resize.NONE);
    }

    /**
     * Decodes {@code file} into {@code C * H * W} floats, resizing by {@code resize}.
     *
     * @throws DatasetException naming the file when it is no image, damaged, or (with {@link
     *     Resize#NONE}) of another size
     * @throws InvalidInputException when {@code c} is neither 1 nor 3
     */
    public static float[] toChw(Path file, int c, int h, int w, Resize resize) {
        checkShape(c, h, w);
        return convert(decode(file), file, c, h, w, resize);
    }

    /** Converts a decoded image; failures name "the image" instead of a file. */
    public static float[] toChw(BufferedImage image, int c, int h, int w, Resize resize) {
        checkShape(c, h, w);
        return convert(image, null, c, h, w, resize);
    }

    /**
     * Converts a DJL image (from DJL's {@code ImageFactory}); a BufferedImage-backed one is read
     * directly, any other through {@link Image#toNDArray(NDManager, Image.Flag)}.
     */
    public static float[] toChw(Image image, int c, int h, int w, Resize resize) {
        checkShape(c, h, w);
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return convert(buffered, null, c, h, w, resize);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray hwc = image.toNDArray(manager, c == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR);
            int height = image.getHeight();
            int width = image.getWidth();
            byte[] bytes = hwc.toType(ai.djl.ndarray.types.DataType.UINT8, false).toByteArray();
            float[] planes = new float[c * height * width];
            for (int p = 0; p < height * width; p++) {
                for (int k = 0; k < c; k++) {
                    planes[k * height * width + p] = (bytes[p * c + k] & 0xff) / 255f;
                }
            }
            return fit(planes, null, c, height, width, h, w, resize);
        }
    }

    /**
     * Decodes an image file with ImageIO, treating decoder warnings as damage.
     *
     * @throws DatasetException ({@link Problem#NOT_AN_IMAGE}, {@link Problem#CORRUPT_IMAGE},
     *     {@link Problem#IO}) naming the file
     */
    public static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(Problem.IO, file, Files.exists(file) ? "is not a regular file"
                    : "does not exist");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in, file);
            try {
                reader.setInput(in, true, true);
                refuseBeforeDecoding(file, reader);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw corrupt(file, reader, "the decoder warned: " + warnings.get(0), null);
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof DatasetException d) {
                    throw d;
                }
                throw corrupt(file, reader, String.valueOf(e.getMessage()), e);
            } finally {
                if (reader == PNG.get() || reader == JPEG.get()) {
                    reader.removeAllIIOReadWarningListeners();
                    reader.reset();
                } else {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The most pixels (height x width) one image may declare: 50 megapixels, more than a
     * full-frame camera's photo (a 8K frame is 33). An image's header is read first, and a larger
     * one is refused before its pixels are decoded: a PNG of under 1 MB can declare 30000x30000
     * pixels, which would take gigabytes to decode.
     */
    public static final long MAX_PIXELS = 50_000_000L;

    /**
     * Refuses, from the header alone, an image too large to decode safely ({@link #MAX_PIXELS}),
     * and a JPEG with four colour components (CMYK or YCCK, e.g. from print workflows), which
     * Java's JPEG decoder reads without converting it to RGB, so its pixel values would be wrong.
     */
    private static void refuseBeforeDecoding(Path file, ImageReader reader) throws IOException {
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > MAX_PIXELS) {
            throw new DatasetException(Problem.IMAGE_TOO_LARGE, file, String.format(java.util.Locale.ROOT,
                    "declares %dx%d pixels (%,d), more than Lamina decodes for one image (%,d,"
                            + " ImageConversion.MAX_PIXELS); scale it down to near the model's input size"
                            + " first, or remove it from the image folder", width, height, width * height,
                    MAX_PIXELS));
        }
        if ("jpeg".equalsIgnoreCase(reader.getFormatName()) && jpegComponents(reader) == 4) {
            throw new DatasetException(Problem.UNSUPPORTED_IMAGE, file, "is a CMYK (or YCCK) JPEG:"
                    + " Java's decoder would read its four colour channels without converting them to"
                    + " RGB, so its pixel values would be wrong; convert it to an RGB JPEG or a PNG"
                    + " (e.g. `convert IN.jpg -colorspace sRGB OUT.png`), or remove it from the image folder");
        }
    }

    /** The number of colour components in a JPEG's frame header (its SOF marker), or 0 if unknown. */
    private static int jpegComponents(ImageReader reader) throws IOException {
        javax.imageio.metadata.IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames())
                .contains("javax_imageio_jpeg_image_1.0")) {
            return 0;
        }
        org.w3c.dom.Node root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        org.w3c.dom.NodeList sof = ((org.w3c.dom.Element) root).getElementsByTagName("sof");
        if (sof.getLength() == 0) {
            return 0;
        }
        org.w3c.dom.Node count = sof.item(0).getAttributes().getNamedItem("numFrameComponents");
        return count == null ? 0 : Integer.parseInt(count.getNodeValue());
    }

    private static final ThreadLocal<ImageReader> PNG = ThreadLocal.withInitial(() -> reader("png"));
    private static final ThreadLocal<ImageReader> JPEG = ThreadLocal.withInitial(() -> reader("jpeg"));

    private static ImageReader reader(String format) {
        return ImageIO.getImageReadersByFormatName(format).next();
    }

    /**
     * This thread's PNG or JPEG reader when the file starts like one (reused: looking a reader up
     * costs more than decoding a small PNG), else a fresh one from ImageIO's registry.
     */
    private static ImageReader readerFor(ImageInputStream in, Path file) throws IOException {
        byte[] magic = new byte[8];
        in.mark();
        int n = in.read(magic);
        in.reset();
        if (n == 8 && (magic[0] & 0xff) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
            return PNG.get();
        }
        if (n >= 3 && (magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xd8 && (magic[2] & 0xff) == 0xff) {
            return JPEG.get();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new DatasetException(Problem.NOT_AN_IMAGE, file, "is not an image (no PNG,"
                    + " JPEG or other ImageIO decoder recognizes its bytes); remove it from the"
                    + " image folder");
        }
        return readers.next();
    }

    private static DatasetException corrupt(Path file, ImageReader reader, String detail, Throwable cause) {
        String format;
        try {
            format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            format = "image";
        }
        return new DatasetException(Problem.CORRUPT_IMAGE, file, "is a damaged or truncated " + format
                + " file (" + detail.replace('\n', ' ') + "); replace it, or remove it from the image folder",
                cause);
    }

    static void checkShape(int c, int h, int w) {
        if (c != 1 && c != 3) {
            throw new InvalidInputException("the model's input has " + c + " channels, but images convert"
                    + " to 1 (grayscale) or 3 (RGB) channels; give the model input (1, H, W) or (3, H, W)");
        }
        if (h <= 0 || w <= 0) {
            throw new InvalidInputException("image size " + h + "x" + w + " is impossible; height and"
                    + " width must be positive");
        }
    }

    private static float[] convert(BufferedImage image, Path file, int c, int h, int w, Resize resize) {
        int height = image.getHeight();
        int width = image.getWidth();
        int pixels = height * width;
        float[] planes = new float[c * pixels];
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel);
        if (grey) {
            // Stored samples as they are: getRGB would convert linear grey to sRGB and change them.
            Raster raster = image.getRaster();
            float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            for (int p = 0; p < pixels; p++) {
                float v = samples[p] / max;
                for (int k = 0; k < c; k++) {
                    planes[k * pixels + p] = v;
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int p = 0; p < pixels; p++) {
                int rgb = argb[p];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (c == 1) {
                    planes[p] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
                } else {
                    planes[p] = r / 255f;
                    planes[pixels + p] = g / 255f;
                    planes[2 * pixels + p] = b / 255f;
                }
            }
        }
        return fit(planes, file, c, height, width, h, w, resize);
    }

    /** Applies the resize policy to channel planes of {@code height x width}. */
    private static float[] fit(float[] planes, Path file, int c, int height, int width, int h, int w,
                               Resize resize) {
        if (height == h && width == w) {
            return planes;
        }
        switch (resize) {
            case NONE -> throw new DatasetException(Problem.IMAGE_SIZE, file, "the image is " + height + "x"
                    + width + " (height x width) but the model takes " + h + "x" + w + "; resize the images to "
                    + h + "x" + w + ", or choose the resize policy stretch or crop (--resize stretch, --resize crop)");
            case STRETCH -> {
                return resample(planes, c, height, width, h, w, (double) h / height, (double) w / width, 0, 0);
            }
            default -> {
                double scale = Math.max((double) h / height, (double) w / width);
                return resample(planes, c, height, width, h, w, scale, scale,
                        (height * scale - h) / 2, (width * scale - w) / 2);
            }
        }
    }

    /**
     * Separable triangle-filter (bilinear) resampling with pixel centres at +0.5: output pixel
     * {@code i} of an axis samples the source around {@code (i + offset + 0.5) / scale}. When
     * shrinking, the filter widens to {@code 1 / scale} source pixels so every source pixel
     * contributes (no aliasing); weights are renormalized at the borders.
     */
    static float[] resample(float[] planes, int c, int height, int width, int h, int w,
                            double scaleY, double scaleX, double offsetY, double offsetX) {
        Taps rows = Taps.of(height, h, scaleY, offsetY);
        Taps cols = Taps.of(width, w, scaleX, offsetX);
        float[] out = new float[c * h * w];
        float[] tmp = new float[height * w];
        for (int k = 0; k < c; k++) {
            int in = k * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < w; x++) {
                    tmp[y * w + x] = cols.apply(planes, in + y * width, 1, x);
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[k * h * w + y * w + x] = rows.apply(tmp, x, w, y);
                }
            }
        }
        return out;
    }

    /** For each output index of one axis: the first source index and the weights from there. */
    private record Taps(int[] first, float[][] weights) {

        static Taps of(int source, int target, double scale, double offset) {
            double support = Math.max(1.0, 1.0 / scale);
            int[] first = new int[target];
            float[][] weights = new float[target][];
            for (int i = 0; i < target; i++) {
                double centre = (i + offset + 0.5) / scale;
                int from = Math.max(0, (int) Math.floor(centre - support));
                int to = Math.min(source - 1, (int) Math.ceil(centre + support));
                float[] wts = new float[to - from + 1];
                double sum = 0;
                for (int j = from; j <= to; j++) {
                    double wt = Math.max(0, 1 - Math.abs(j + 0.5 - centre) / support);
                    wts[j - from] = (float) wt;
                    sum += wt;
                }
                if (sum == 0) {
                    // Centre beyond the border: take the nearest edge pixel.
                    int edge = Math.min(source - 1, Math.max(0, (int) Math.floor(centre)));
                    first[i] = edge;
                    weights[i] = new float[] {1f};
                    continue;
                }
                for (int j = 0; j < wts.length; j++) {
                    wts[j] /= (float) sum;
                }
                first[i] = from;
                weights[i] = wts;
            }
            return new Taps(first, weights);
        }

        float apply(float[] data, int base, int stride, int i) {
            float[] wts = weights[i];
            int at = base + first[i] * stride;
            float sum = 0;
            for (int j = 0; j < wts.length; j++, at += stride) {
                sum += wts[j] * data[at];
            }
            return sum;
        }
    }
}
