package dev.lamina.maven;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.train.Evaluation;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Evaluates a training run's checkpoint on the test set, as {@code lamina eval} does: the test
 * accuracy and loss, then per class its examples, recall, precision and the class it is most often
 * mistaken for. A run on an image folder is evaluated on the folder as it trained on it; a folder
 * whose classes or test split changed since is refused. Compiles the project first.
 */
@Mojo(name = "eval", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class EvalMojo extends DataMojo {

    /** The run's directory, written by {@code lamina:train} ({@code out}). CLI: {@code --checkpoint}. */
    @Parameter(property = "lamina.checkpoint", required = true)
    File checkpoint;

    /** The model the run trained. Default: the one the run names in {@code <checkpoint>/model}. CLI: {@code MODEL}. */
    @Parameter(property = "lamina.model")
    String model;

    /**
     * Which checkpoint: {@code best} or {@code last}. Default: best when the run kept one (chose it
     * on a validation set), else last. CLI: {@code --tag}.
     */
    @Parameter(property = "lamina.tag")
    String tag;

    /** Examples per evaluation step. CLI: {@code --batch-size}. */
    @Parameter(property = "lamina.batchSize", defaultValue = "256")
    int batchSize;

    @Override
    void run(ProjectClasses classes, PrintStream stdout) {
        TrainingConfig config = TrainingConfig.builder().batchSize(batchSize).device(deviceChoice())
                .limitBatches(limitBatches()).progress(stdout).terminal(false).build();
        CheckpointTag given = tag == null ? null : CheckpointTag.parse(tag);
        if (!Files.isDirectory(checkpoint.toPath())) {
            throw new InvalidInputException("--checkpoint " + checkpoint + " is not a directory; pass the"
                    + " out directory of a lamina:train run.");
        }
        RunDirectory run = RunDirectory.of(checkpoint.toPath());
        LaminaNet net = classes.model(model, run.recordedNetClass());
        CheckpointTag chosen = given != null ? given : run.chosenTag();
        run.checkpoints().loadState(chosen); // a missing or unreadable checkpoint, named
        RunData input = loadFor(net, run, "--checkpoint");
        Evaluation result = new Trainer(config).evaluate(net.newBlock(), net.inputShape(), checkpoint.toPath(),
                chosen, input.splits().test());
        stdout.printf(Locale.ROOT, "%s (%s checkpoint in %s) on %s test set: accuracy %.4f, loss %.4f, %d images%n",
                net.name(), chosen, checkpoint, input.label(), result.accuracy(), result.loss(), result.examples());
        stdout.print(result.confusion().format(input.classNames()));
    }
}
