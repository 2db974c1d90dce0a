package dev.lamina.examples.cli;

import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code lamina task-data --to DIR}: the binary, multi-label and regression data of docs/tasks.md. */
@Command(name = "task-data", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        header = "Write the binary, multi-label and regression data of docs/tasks.md from Fashion-MNIST.",
        description = "Writes, into a new folder: shirt-vs-top/ (an image folder: train/ and test/, classes"
                + " 0-t-shirt-top and 1-shirt, Shirt the positive class), tags/manifest.csv (file,labels:"
                + " footwear, long-sleeves, upper-body) and rotation/manifest.csv (file,angle: each image"
                + " rotated by a seeded angle in [-45, 45] degrees), with their PNG images.")
final class TaskDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The Fashion-MNIST IDX files. Default: /usr/share/datasets/fashion-mnist.")
    Path data;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "The folder to write; must not exist.")
    Path to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000",
            description = "Images per manifest, and at most this many training images of the binary folder"
                    + " (its test folder holds all 2,000 test images of the pair); 0: all.")
    int limit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Fixes the rotation angles.")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (limit < 0) {
            throw new InvalidInputException("--limit must be 0 (all images) or more, got " + limit);
        }
        Path target = to.toAbsolutePath().normalize();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a link too: never replaced
            throw new InvalidInputException("--to " + to + " exists; task-data writes a new folder (it never writes"
                    + " into one it did not make)");
        }
        RunDirectory.requireWritable(to, "--to");
        DataSplits splits = TrainingBackend.load(DatasetKind.FASHION_MNIST, data, 0);
        LabeledImages train = LabeledImages.copyOf(splits.train());
        LabeledImages test = LabeledImages.copyOf(splits.test());
        int n = limit == 0 ? train.size() : Math.min(limit, train.size());
        Files.createDirectories(target.getParent());
        Path staging = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        int[] binary;
        try {
            binary = TaskData.writeBinary(train, test, limit, staging.resolve("shirt-vs-top"));
            TaskData.writeTags(train, n, staging.resolve("tags"));
            TaskData.writeRotation(train, n, seed, staging.resolve("rotation"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            StagingFolder.removeIfLeft(staging);
        }
        PrintStream stdout = CliOutput.stdout(spec);
        stdout.printf(Locale.ROOT, "Wrote to %s:%n", to);
        stdout.printf(Locale.ROOT, "  shirt-vs-top/  binary: %d training and %d test images (0-t-shirt-top,"
                + " 1-shirt: Shirt is positive)%n", binary[0], binary[1]);
        stdout.printf(Locale.ROOT, "  tags/          multi-label: %d images, manifest.csv (file,labels: %s)%n", n,
                String.join(", ", TaskData.TAGS));
        stdout.printf(Locale.ROOT, "  rotation/      regression: %d images, manifest.csv (file,angle, seed %d)%n", n, seed);
        stdout.println("Train on them as docs/tasks.md shows, e.g. `lamina train"
                + " dev.lamina.examples.models.tasks.ShirtOrTop --dataset folder --data " + to.resolve("shirt-vs-top") + "`.");
        return LaminaCli.OK;
    }
}
