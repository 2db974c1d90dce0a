package dev.lamina.runtime.run;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.io.OutputTarget;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The export use case of the tools ({@code lamina export}, {@code lamina:export}): a saved model
 * directory or an ONNX file from a training run's checkpoint, or an ONNX file from a saved model
 * directory. Every value is checked before anything is written, and nothing is written over a
 * file the export did not make unless {@code force} says so (ONNX).
 *
 * @param source a run's checkpoint directory, or a saved model directory
 * @param to the saved model directory (djl), or the .onnx file (onnx; an existing directory gets
 *     {@code <Model>.onnx})
 * @param onnx ONNX rather than a saved model directory
 * @param tag the checkpoint, or null for the run's chosen one ({@link RunDirectory#chosenTag})
 * @param force replace the .onnx file when it exists
 */
public record ModelExport(Path source, Path to, boolean onnx, CheckpointTag tag, boolean force) {

    /**
     * Reads a tool's {@code --format}: {@code djl} (false) or {@code onnx} (true).
     *
     * @param format the value given
     * @return whether it is ONNX
     * @throws InvalidInputException for anything else
     */
    public static boolean isOnnx(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "djl" -> false;
            case "onnx" -> true;
            default -> throw new InvalidInputException("unknown --format '" + format + "'; use djl or onnx");
        };
    }

    /**
     * Exports.
     *
     * @param net the model a run trained, from its directory (the tool's {@code --model}, or what
     *     the run recorded)
     * @param dataset the built-in dataset a run trained on, asked only when the run does not say
     * @return the lines that report what was written, as the tools print them
     * @throws InvalidInputException for a target inside the source, a file where a directory is
     *     written, a saved model exported as djl, a source that is no directory
     * @throws IOException when writing fails (naming the target; nothing was left there)
     */
    public List<String> run(Function<RunDirectory, LaminaNet> net, Supplier<DatasetKind> dataset) throws IOException {
        OutputTarget.requireOutside(to, "--to", List.of(source));
        if (!onnx && Files.exists(to) && !Files.isDirectory(to)) {
            throw new InvalidInputException("--to " + to + " is a file; --format djl writes a saved model directory:"
                    + " name a directory (new or empty), or use --format onnx");
        }
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(source.resolve(SavedModelInfo.FILE))) {
            if (!onnx) {
                throw new InvalidInputException(source + " is a saved model directory already; copy it, or"
                        + " export it with --format onnx");
            }
            try (LaminaModel saved = LaminaModel.load(source)) {
                lines.add(writeOnnx(saved));
            }
            return lines;
        }
        if (!Files.isDirectory(source)) {
            throw new InvalidInputException(source + " is not a directory; pass the --out directory of"
                    + " a training run or a saved model directory");
        }
        RunDirectory run = RunDirectory.of(source);
        LaminaNet model = net.apply(run);
        CheckpointTag chosen = Optional.ofNullable(tag).orElseGet(run::chosenTag);
        if (tag == null && chosen == CheckpointTag.LAST) {
            lines.add("No validation-chosen 'best' checkpoint in " + source + ": exporting 'last'.");
        }
        if (!onnx) {
            SavedModelInfo info;
            try {
                info = run.saveModel(chosen, model, dataset, to);
            } catch (IOException e) {
                throw new IOException("cannot write the saved model to " + to + ": " + e.getMessage()
                        + "; a saved model already there is left as it was", e);
            }
            lines.add(String.format(Locale.ROOT, "Saved model %s (checkpoint '%s' of %s, epoch %s): %s",
                    info.modelName(), chosen, source, info.training().get("epoch"), to));
            return lines;
        }
        // the checkpoint's model in memory, straight to the exporter
        try (LaminaModel loaded = run.model(chosen, model, dataset)) {
            lines.add(writeOnnx(loaded));
        }
        return lines;
    }

    private String writeOnnx(LaminaModel saved) throws IOException {
        Path file = Files.isDirectory(to) ? to.resolve(saved.info().modelName() + ".onnx") : to;
        OutputTarget.require(file, "--to", force, List.of(), List.of(source));
        try {
            saved.exportOnnx(file);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage() + "; nothing was written there", e);
        }
        StringBuilder shape = new StringBuilder();
        for (long d : saved.info().inputShape()) {
            shape.append(shape.length() == 0 ? "" : ", ").append(d);
        }
        return String.format(Locale.ROOT, "ONNX model %s written to %s (%d bytes): input 'input' (batch, %s),"
                        + " outputs 'logits' and 'probabilities' (batch, %d)", saved.info().modelName(), file,
                Files.size(file), shape, saved.info().classes().size());
    }
}
