package dev.lamina.examples.cli;

import dev.lamina.examples.experiment.DatasetChoice;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --dataset} and {@code --data}, shared by the commands that read data. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the dataset's files (default for fashion-mnist:"
                    + " /usr/share/datasets/fashion-mnist).")
    Path dir;

    /** The parsed {@code --dataset}; an unknown name is a usage error listing the valid ones. */
    DatasetChoice dataset() {
        return DatasetChoice.parse(dataset);
    }

    /** {@code --data}, or the dataset's default directory. */
    Path dir() {
        return dir != null ? dir : dataset().defaultDir();
    }
}
