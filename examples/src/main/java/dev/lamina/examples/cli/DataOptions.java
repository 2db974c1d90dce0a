package dev.lamina.examples.cli;

import dev.lamina.runtime.data.DatasetKind;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --dataset} and {@code --data}, shared by the commands that read data. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100.")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the dataset's files (IDX files for (fashion-)mnist, the"
                    + " binary version for CIFAR). Default for fashion-mnist:"
                    + " /usr/share/datasets/fashion-mnist; required for the others.")
    Path dir;

    /** The parsed {@code --dataset}; an unknown name is a usage error listing the valid ones. */
    DatasetKind dataset() {
        return DatasetKind.parse(dataset);
    }

    /** {@code --data}, or null for the dataset's default directory. */
    Path dir() {
        return dir;
    }
}
