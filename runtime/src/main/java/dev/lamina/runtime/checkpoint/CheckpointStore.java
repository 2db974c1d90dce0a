package dev.lamina.runtime.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.report.Json;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A directory of checkpoints, each under a tag ({@link #LAST}, {@link #BEST}): {@code <tag>.json}
 * (the {@link TrainingState} plus the names of the other files), {@code <tag>-step<N>.params}
 * (DJL's {@code Block.saveParameters} format) and, when the optimizer's state is saved, {@code
 * <tag>-step<N>.optimizer} ({@link OptimizerState}: DJL's {@code NDList} encoding, indexed in the
 * JSON file).
 *
 * <p>A save writes the parameter file, the optimizer file, then the JSON file, each atomically; the
 * JSON file is the commit point. A crash or an error at any moment leaves {@code <tag>.json} pointing at a complete
 * parameter file: the new checkpoint or the previous one.
 */
public final class CheckpointStore {

    /** The checkpoint of the most recent epoch ({@link CheckpointTag#LAST}). */
    public static final CheckpointTag LAST = CheckpointTag.LAST;
    /** The checkpoint of the epoch with the best validation accuracy ({@link CheckpointTag#BEST}). */
    public static final CheckpointTag BEST = CheckpointTag.BEST;

    /** Writes a block's parameters; a seam so tests can make a save fail halfway. */
    @FunctionalInterface
    interface ParameterWriter {
        void write(Block block, DataOutputStream out) throws IOException;
    }

    /** Reads a state file; a seam so tests can let a save happen between two readings. */
    @FunctionalInterface
    interface StateReader {
        String read(Path file) throws IOException;
    }

    private static final String PARAMS = ".params";
    private static final String OPTIMIZER = ".optimizer";

    /** How often {@link #restore} reads the state again when its parameter file has just been replaced. */
    private static final int MAX_RESTORE_ATTEMPTS = 3;

    private final Path dir;
    private final ParameterWriter writer;
    private final StateReader stateReader;

    /** A store in {@code dir} (created on the first save). */
    public CheckpointStore(Path dir) {
        this(dir, Block::saveParameters, Files::readString);
    }

    CheckpointStore(Path dir, ParameterWriter writer) {
        this(dir, writer, Files::readString);
    }

    CheckpointStore(Path dir, ParameterWriter writer, StateReader stateReader) {
        this.dir = dir;
        this.writer = writer;
        this.stateReader = stateReader;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Whether a checkpoint with this tag has been committed. */
    public boolean exists(CheckpointTag tag) {
        return Files.isRegularFile(stateFile(tag));
    }

    /** Saves the block's parameters and the state under {@code tag}, atomically. */
    public void save(CheckpointTag tag, Block block, TrainingState state) throws IOException {
        save(tag, block, state, null);
    }

    /**
     * Saves the block's parameters, the optimizer's state (when not {@code null}) and the training
     * state under {@code tag}, atomically: the state file, written last, names the other two.
     */
    public void save(CheckpointTag tag, Block block, TrainingState state, OptimizerState optimizer) throws IOException {
        String paramsName = tag.id() + "-step" + state.step() + PARAMS;
        AtomicFiles.write(dir.resolve(paramsName), out -> {
            DataOutputStream data = new DataOutputStream(out);
            writer.write(block, data);
            data.flush();
        });
        Map<String, Object> json = state.toJson();
        json.put("parameters_file", paramsName);
        String optimizerName = null;
        if (optimizer != null) {
            optimizerName = tag.id() + "-step" + state.step() + OPTIMIZER;
            json.put("optimizer", OptimizerFile.write(dir.resolve(optimizerName), optimizer));
        }
        AtomicFiles.writeString(stateFile(tag), Json.write(json));
        deleteStaleFiles(tag, PARAMS, paramsName);
        deleteStaleFiles(tag, OPTIMIZER, optimizerName);
    }

    /**
     * Reads the state saved under {@code tag}.
     *
     * @throws CheckpointException naming the file when it is missing or unreadable
     */
    public TrainingState loadState(CheckpointTag tag) {
        Path file = stateFile(tag);
        return parseState(readStateJson(tag), file);
    }

    /**
     * Loads the checkpoint under {@code tag} into an initialized {@code block} after checking that
     * it was saved from the same model. The state and the parameter file come from one reading of
     * {@code <tag>.json}, so they always belong to the same save; when a save commits meanwhile and
     * deletes the parameter file just read about, the new checkpoint is read instead.
     *
     * @param manager where the loaded parameter arrays live (it decides their device)
     * @return the saved training state
     * @throws CheckpointException when the checkpoint belongs to another model (listing the first
     *     differing parameter names and shapes), or cannot be read
     */
    public TrainingState restore(CheckpointTag tag, Block block, NDManager manager) {
        return load(tag, block, manager, false).state();
    }

    /**
     * Like {@link #restore}, and also reads the optimizer state saved with the same checkpoint.
     *
     * @return the training state and the optimizer state ({@code null} when the checkpoint holds
     *     none, e.g. one written before optimizer state was saved)
     */
    public Restored restoreForTraining(CheckpointTag tag, Block block, NDManager manager) {
        return load(tag, block, manager, true);
    }

    /** A checkpoint read back: the training state and, when saved and asked for, the optimizer's. */
    public record Restored(TrainingState state, OptimizerState optimizer) {}

    private Restored load(CheckpointTag tag, Block block, NDManager manager, boolean withOptimizer) {
        Path file = stateFile(tag);
        for (int attempt = 1; ; attempt++) {
            Map<String, Object> json = readStateJson(tag);
            TrainingState state = parseState(json, file);
            checkSignature(file, state, block);
            Path params;
            try {
                params = dir.resolve(Json.string(json, "parameters_file"));
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("checkpoint state " + file + " cannot be read: " + e.getMessage(), e);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(params), 1 << 16)) {
                block.loadParameters(manager, new DataInputStream(in));
            } catch (NoSuchFileException e) {
                if (attempt == MAX_RESTORE_ATTEMPTS) {
                    throw new CheckpointException("checkpoint " + file + " names " + params
                            + ", which does not exist (still missing after " + attempt + " readings). Another"
                            + " process may be saving into " + dir + "; stop it, or restore a copy.", e);
                }
                continue;
            } catch (IOException | MalformedModelException e) {
                throw new CheckpointException("checkpoint parameters " + params + " cannot be read: "
                        + e.getMessage(), e);
            }
            if (!withOptimizer || !json.containsKey("optimizer")) {
                return new Restored(state, null);
            }
            try {
                return new Restored(state, OptimizerFile.read(dir, json.get("optimizer"), manager));
            } catch (NoSuchFileException e) {
                if (attempt == MAX_RESTORE_ATTEMPTS) {
                    throw new CheckpointException("checkpoint " + file + " names an optimizer file that does not"
                            + " exist (still missing after " + attempt + " readings): " + e.getMessage()
                            + ". Another process may be saving into " + dir + "; stop it, or restore a copy.", e);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new CheckpointException("checkpoint " + file + ": the optimizer state cannot be read: "
                        + e.getMessage(), e);
            }
        }
    }

    private static void checkSignature(Path file, TrainingState state, Block block) {
        List<String> diffs = state.signature().differencesFrom(ModelSignature.of(block));
        if (!diffs.isEmpty()) {
            List<String> listed = diffs.subList(0, Math.min(diffs.size(), ModelSignature.MAX_LISTED));
            throw new CheckpointException("checkpoint " + file + " was saved from a different model ("
                    + diffs.size() + " parameter difference(s)): " + String.join("; ", listed)
                    + (diffs.size() > listed.size() ? "; ..." : "")
                    + ". Load it into the model it was trained with, or start a new run in another directory.");
        }
    }

    private Map<String, Object> readStateJson(CheckpointTag tag) {
        Path file = stateFile(tag);
        try {
            return Json.asObject(Json.parse(stateReader.read(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint '" + tag + "' in " + dir + ": " + file
                    + " does not exist. Pass the --out directory of an earlier run.");
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException("checkpoint state " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static TrainingState parseState(Map<String, Object> json, Path file) {
        try {
            return TrainingState.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint state " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Path stateFile(CheckpointTag tag) {
        return dir.resolve(tag.id() + ".json");
    }

    /** Deletes this tag's files with {@code suffix} except {@code keep} (all of them when null). */
    private void deleteStaleFiles(CheckpointTag tag, String suffix, String keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, tag.id() + "-step*" + suffix)) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
