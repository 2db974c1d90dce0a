package dev.lamina.runtime.data;

import dev.lamina.runtime.data.idx.MnistFiles;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Locates the committed test fixtures. Other modules cannot see this class; they can refer to the
 * files by relative path ({@code ../runtime/src/test/resources/fixtures/fashion-mnist-small} from
 * their module directory) or copy them.
 */
public final class Fixtures {

    /** Training images in {@link #fashionMnistSmall()}: 60 per class. */
    public static final int FASHION_SMALL_TRAIN = 600;
    /** Test images in {@link #fashionMnistSmall()}: 20 per class. */
    public static final int FASHION_SMALL_TEST = 200;

    private Fixtures() {}

    /**
     * The directory of the small real Fashion-MNIST fixture (600 train, 200 test images, the four
     * standard gzipped IDX names); load it with {@code DatasetKind.FASHION_MNIST.at(dir).load()}.
     */
    public static Path fashionMnistSmall() {
        return resourceDirectory("fixtures/fashion-mnist-small/" + MnistFiles.TRAIN_IMAGES + ".gz");
    }

    private static Path resourceDirectory(String file) {
        URL url = Fixtures.class.getClassLoader().getResource(file);
        if (url == null) {
            throw new IllegalStateException("test resource " + file + " is not on the class path;"
                    + " run the tests through Maven from the runtime module");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot turn " + url + " into a path", e);
        }
    }
}
