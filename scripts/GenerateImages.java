import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Writes N 28x28 grey PNG files for throughput measurements of batch prediction
 * (docs/scale-out.md): Fashion-MNIST's 10,000 test images, each written shifted by up to 2 pixels
 * in x and y, in 25 variants at most, into DIR/<NNN>/<n>.png (folders of 1,000 images).
 *
 *   java scripts/GenerateImages.java DIR N [FASHION_MNIST_DIR]
 */
public final class GenerateImages {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java scripts/GenerateImages.java DIR N [FASHION_MNIST_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path data = Path.of(args.length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist");
        if (Files.exists(out)) {
            System.err.println(out + " exists; give a new directory");
            System.exit(2);
        }
        byte[][] images = read(data.resolve("t10k-images-idx3-ubyte.gz"));
        if (n > images.length * 25) {
            System.err.println("at most " + images.length * 25 + " images");
            System.exit(2);
        }
        for (int i = 0; i < n; i++) {
            byte[] pixels = images[i % images.length];
            int variant = i / images.length;
            int dx = variant % 5 - 2;
            int dy = variant / 5 - 2;
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int sx = x - dx;
                    int sy = y - dy;
                    int value = sx < 0 || sy < 0 || sx >= 28 || sy >= 28 ? 0 : pixels[sy * 28 + sx] & 0xff;
                    image.getRaster().setSample(x, y, 0, value);
                }
            }
            Path folder = Files.createDirectories(out.resolve(String.format("%03d", i / 1000)));
            ImageIO.write(image, "png", folder.resolve(String.format("%06d.png", i)).toFile());
        }
        System.out.println("wrote " + n + " images to " + out);
    }

    private static byte[][] read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            if (in.readInt() != 2051) {
                throw new IOException(file + " is not an IDX image file");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != 28 || cols != 28) {
                throw new IOException(file + " holds " + rows + "x" + cols + " images, not 28x28");
            }
            byte[][] images = new byte[count][28 * 28];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        }
    }
}
