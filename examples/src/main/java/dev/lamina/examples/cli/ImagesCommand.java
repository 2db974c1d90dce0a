package dev.lamina.examples.cli;

import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageFolderExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** {@code lamina images --to DIR}: a built-in dataset's images as PNG files in class folders. */
@Command(name = "images", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Write a dataset's images as PNG files in class folders.",
        description = "Writes the first --limit images of the --split as 8-bit grey or RGB PNG files"
                + " (the dataset's exact pixel values) into DIR/<label>-<class>/<index>.png, e.g."
                + " DIR/7-sneaker/00009.png for image 9 of the Fashion-MNIST test set. The files are"
                + " images to try `lamina predict` on (it reads each image's label from its folder"
                + " name), and the folder trains with `lamina train --dataset folder --data DIR`."
                + " DIR must be new or empty; the files appear there all at once when every one is"
                + " written.")
final class ImagesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100.")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the dataset's files. Default for fashion-mnist:"
                    + " /usr/share/datasets/fashion-mnist; required for the others.")
    Path data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "test or train.")
    String split;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Write the first N images of the split; 0: all of them.")
    int limit;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "The folder to write, new or empty.")
    Path to;

    @Override
    public Integer call() throws IOException {
        // every option is checked before the data loads or anything is written
        if (dataset.trim().equalsIgnoreCase(DataOptions.FOLDER)) {
            throw new InvalidInputException("--dataset folder is an image folder already; images writes the"
                    + " built-in datasets: fashion-mnist, mnist, cifar10, cifar100");
        }
        DatasetKind kind = DatasetKind.parse(dataset);
        boolean test = switch (split.trim().toLowerCase(Locale.ROOT)) {
            case "test" -> true;
            case "train" -> false;
            default -> throw new InvalidInputException("unknown --split '" + split + "'; use test or train");
        };
        if (limit < 0) {
            throw new InvalidInputException("--limit must be 0 (all images) or more, got " + limit);
        }
        requireNewOrEmpty(to);
        RunDirectory.requireWritable(to, "--to");

        DataSplits splits = TrainingBackend.load(kind, data, 0);
        ExampleSet set = test ? splits.test() : splits.train();
        int n = limit == 0 ? set.size() : Math.min(limit, set.size());
        LabeledImages first = LabeledImages.copyOf(set.select(set.name(), IntStream.range(0, n).toArray()));
        write(first, kind.classNames());

        PrintStream stdout = CliOutput.stdout(spec);
        TreeMap<String, Integer> perFolder = new TreeMap<>();
        for (int label : first.labels()) {
            perFolder.merge(ImageFolderExport.folderName(label, first.classes(), kind.classNames().get(label)), 1,
                    Integer::sum);
        }
        stdout.printf(Locale.ROOT, "Wrote %d PNG image(s) of the %s %s set (images 0 to %d) to %s, in %d class"
                        + " folder(s):%n", n, kind.id(), test ? "test" : "training", n - 1, to, perFolder.size());
        perFolder.forEach((folder, count) -> stdout.printf(Locale.ROOT, "  %s/ %d%n", folder, count));
        stdout.println("Predict on them with `lamina predict MODEL_DIR " + to + "` (a folder, or one of its"
                + " files); train on such a folder with `lamina train --dataset folder --data DIR`.");
        return LaminaCli.OK;
    }

    /**
     * Writes into a hidden staging folder, then renames it into place: a new {@code to} is the
     * staging folder renamed; an existing empty one (perhaps a link, or the current directory)
     * is kept, and the class folders are moved into it. An interrupted run leaves no
     * half-written class folder.
     */
    private void write(LabeledImages images, List<String> classNames) throws IOException {
        Path target = to.toAbsolutePath().normalize();
        boolean exists = Files.isDirectory(target); // empty, checked before
        if (!exists) {
            Files.createDirectories(target.getParent());
        }
        String stagingName = "." + target.getFileName() + ".partial-" + UUID.randomUUID();
        Path staging = exists ? target.resolve(stagingName) : target.resolveSibling(stagingName);
        try {
            ImageFolderExport.write(images, classNames, staging);
            if (exists) {
                try (Stream<Path> folders = Files.list(staging)) {
                    for (Path folder : folders.toList()) {
                        Files.move(folder, target.resolve(folder.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            StagingFolder.removeIfLeft(staging);
        }
    }

    /** Refuses a {@code --to} that is a file or a directory with anything in it. */
    private static void requireNewOrEmpty(Path to) throws IOException {
        if (Files.exists(to) && !Files.isDirectory(to)) {
            throw new InvalidInputException("--to " + to + " is a file; give a new or empty directory");
        }
        if (Files.isDirectory(to)) {
            try (Stream<Path> entries = Files.list(to)) {
                List<Path> found = entries.limit(3).toList();
                if (!found.isEmpty()) {
                    throw new InvalidInputException("--to " + to + " is not empty (it holds "
                            + found.get(0).getFileName() + (found.size() > 1 ? " and more" : "") + "); images are"
                            + " written only into a new or empty directory, so nothing there is mixed in or"
                            + " overwritten. Give another --to, or empty it.");
                }
            }
        }
    }
}
