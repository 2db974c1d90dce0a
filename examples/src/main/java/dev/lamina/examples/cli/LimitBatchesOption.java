package dev.lamina.examples.cli;

import picocli.CommandLine.Option;

/** {@code --limit-batches}: a smoke run of train or eval on the first few batches. */
final class LimitBatchesOption {
    @Option(names = "--limit-batches", paramLabel = "N", defaultValue = "0",
            description = "Smoke run: at most N batches per epoch and per evaluation (accuracies"
                    + " then describe those batches only). 0: all batches.")
    int limitBatches;

    /**
     * The value, checked.
     *
     * @throws dev.lamina.runtime.InvalidInputException when negative
     */
    int limitBatches() {
        return dev.lamina.runtime.train.TrainingRequest.limitBatches(limitBatches);
    }
}
