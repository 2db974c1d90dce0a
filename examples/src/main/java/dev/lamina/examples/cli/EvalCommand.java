package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina eval MODEL --checkpoint DIR}: test accuracy of a saved model. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Evaluate a trained model's checkpoint on the test set.",
        description = "Loads the best checkpoint from --checkpoint and prints test accuracy and loss.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "The model the checkpoint was trained from, e.g. FashionCnn.")
    String model;

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true,
            description = "Directory written by `lamina train --out DIR`.")
    Path checkpoint;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        ModelCatalog.resolve(model);
        throw new IllegalArgumentException("eval needs the runtime's checkpoint support"
                + " (dev.lamina.runtime.checkpoint), which this build does not have yet");
    }
}
