package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.train.Evaluation;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lamina eval MODEL --checkpoint DIR}: test accuracy of a saved model. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        showDefaultValues = true,
        header = "Evaluate a trained model's checkpoint on the test set.",
        description = "Loads a checkpoint written by `lamina train` and prints the test accuracy"
                + " and loss, then per class its examples, recall, precision and the class it is most"
                + " often mistaken for. A checkpoint of another model is refused with what differs."
                + " A run on an image folder is evaluated on the folder as it trained on it (the"
                + " folder, resize policy, skipped files, test fraction and split seed it recorded);"
                + " a folder whose classes or test split changed since is refused.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", arity = "0..1",
            description = "The model the checkpoint was trained from, e.g. FashionCnn. Default: the"
                    + " one named in <checkpoint>/model, which `lamina train` writes.")
    String model;

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true,
            description = "Directory written by `lamina train --out DIR`.")
    Path checkpoint;

    @Option(names = "--tag", paramLabel = "TAG", converter = TagConverter.class,
            description = "Which checkpoint: best or last. Default: best when the run kept one,"
                    + " i.e. chose it on a validation set; else last.")
    CheckpointTag tag;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Examples per evaluation step.")
    int batchSize;

    @Mixin
    LimitBatchesOption limit;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        // every option is checked before the data loads
        PrintStream stdout = CliOutput.stdout(spec);
        TrainingConfig config = TrainingConfig.builder().batchSize(batchSize)
                .device(device.choice()).limitBatches(limit.limitBatches()).progress(stdout).build();
        if (!Files.isDirectory(checkpoint)) {
            throw new InvalidInputException("--checkpoint " + checkpoint + " is not a directory; pass the"
                    + " --out directory of a `lamina train` run.");
        }
        RunDirectory run = RunDirectory.of(checkpoint);
        GeneratedNet net = model != null ? data.model(model)
                : ModelCatalog.recordedIn(run, "name the model: lamina eval MODEL --checkpoint " + checkpoint);
        CheckpointTag chosen = tag != null ? tag : run.chosenTag();
        if (tag == null && chosen == CheckpointTag.LAST) {
            stdout.println("No validation-chosen 'best' checkpoint in " + checkpoint + ": evaluating 'last'.");
        }
        run.checkpoints().loadState(chosen); // a missing or unreadable checkpoint, named
        RunData input = data.loadForRun(net, run, "--checkpoint", stdout);
        DataSplits splits = input.splits();
        Evaluation result = new Trainer(config).evaluate(net.newBlock(), net.inputShape(),
                checkpoint, chosen, splits.test());
        stdout.printf(Locale.ROOT, "%s (%s checkpoint in %s) on %s test set: accuracy %.4f,"
                        + " loss %.4f, %d images%n", net.name(), chosen, checkpoint,
                input.label(), result.accuracy(), result.loss(), result.examples());
        stdout.println();
        stdout.print(result.confusion().format(input.classNames()));
        return LaminaCli.OK;
    }

    /** Reads {@code --tag}: {@code best} or {@code last}, else a usage error listing them. */
    static final class TagConverter implements CommandLine.ITypeConverter<CheckpointTag> {
        @Override
        public CheckpointTag convert(String value) {
            try {
                return CheckpointTag.parse(value);
            } catch (InvalidInputException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
