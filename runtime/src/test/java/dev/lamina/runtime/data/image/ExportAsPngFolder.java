package dev.lamina.runtime.data.image;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.LabeledImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a built-in grey dataset as an image folder, OUT/train/... and OUT/test/... ({@link
 * ImageFolderExport}). Not a test. From {@code runtime/} after {@code mvn -o -q test-compile}:
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * dev.lamina.runtime.data.image.ExportAsPngFolder OUT [KIND [DIR]]}.
 */
public final class ExportAsPngFolder {

    private ExportAsPngFolder() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        DatasetKind kind = DatasetKind.parse(args.length > 1 ? args[1] : "fashion-mnist");
        DataSplits splits = args.length > 2 ? kind.at(Path.of(args[2])).load() : kind.atDefault().load();
        ImageFolderExport.write(LabeledImages.copyOf(splits.train()), kind.classNames(), out.resolve("train"));
        ImageFolderExport.write(LabeledImages.copyOf(splits.test()), kind.classNames(), out.resolve("test"));
        System.out.printf(Locale.ROOT, "wrote %d + %d PNGs to %s%n", splits.train().size(), splits.test().size(), out);
    }
}
