package dev.lamina.runtime.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
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
 *
 * <p>A training run saves both tags with {@link #saveEpoch}, whose one commit point is {@code
 * last.json}: it names the {@code best} checkpoint's own state file ({@code best-step<N>.json},
 * written before it), so {@code best} and {@code last} never disagree, whenever the process dies.
 * {@code best.json} is a copy of that file written after the commit, for people and tools that
 * read it; {@link #recover} repairs it, and removes what interrupted saves left behind, when the
 * next run starts.
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

    /** Key of {@code last.json} naming the state file of the committed {@code best} checkpoint. */
    static final String BEST_STATE = "best_state_file";

    /** Temporary files of {@link AtomicFiles} ({@code .<name>.<uuid>.tmp}). */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile(
            "\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    private static final String PARAMS = ".params";
    private static final String OPTIMIZER = ".optimizer";

    /** How often {@link #restore} reads the state again when its parameter file has just been replaced. */
    private static final int MAX_RESTORE_ATTEMPTS = 3;

    private final Path dir;
    private final ParameterWriter writer;
    private final StateReader stateReader;
    /** Told the name of every file {@link #saveEpoch} has written; a seam so tests can stop a save there. */
    private final java.util.function.Consumer<String> afterWrite;

    /** A store in {@code dir} (created on the first save). */
    public CheckpointStore(Path dir) {
        this(dir, Block::saveParameters, StateFiles::readState);
    }

    CheckpointStore(Path dir, ParameterWriter writer) {
        this(dir, writer, StateFiles::readState);
    }

    CheckpointStore(Path dir, ParameterWriter writer, StateReader stateReader) {
        this(dir, writer, stateReader, name -> { });
    }

    CheckpointStore(Path dir, ParameterWriter writer, StateReader stateReader,
                    java.util.function.Consumer<String> afterWrite) {
        this.dir = dir;
        this.writer = writer;
        this.stateReader = stateReader;
        this.afterWrite = afterWrite;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Whether a checkpoint with this tag has been committed. */
    public boolean exists(CheckpointTag tag) {
        return StateFiles.present(stateFile(tag));
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
        Map<String, Object> json = state.toJson();
        writeParameters(block, paramsName, json);
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
     * Saves one epoch of a training run: the {@code last} checkpoint and, when {@code best}, the
     * same model as the {@code best} checkpoint, with one commit point for both ({@code last.json},
     * written after every other file of the two checkpoints). A crash at any moment leaves either
     * the previous epoch's {@code last} and {@code best}, or this epoch's, never a mix.
     */
    public void saveEpoch(Block block, TrainingState state, OptimizerState optimizer, boolean best)
            throws IOException {
        String bestState;
        String bestText = null;
        try {
            Map<String, Object> lastJson = writeData(LAST, block, state, optimizer);
            if (best) {
                Map<String, Object> bestJson = writeData(BEST, block, state, optimizer);
                bestState = BEST + "-step" + state.step() + ".json";
                bestText = Json.write(bestJson);
                AtomicFiles.writeString(dir.resolve(bestState), bestText);
                afterWrite.accept(bestState);
            } else {
                bestState = committedBestState();
            }
            if (bestState != null) {
                lastJson.put(BEST_STATE, bestState);
            }
            // the commit point of both; AtomicFiles does not throw once the file is in place
            AtomicFiles.writeString(stateFile(LAST), Json.write(lastJson));
        } catch (IOException e) {
            // e.g. a full disk before the commit point: the files this save wrote are never
            // committed, so they go at once (not at the next start) and give back their space
            discardStep(state.step(), e);
            throw e;
        }
        afterWrite.accept(LAST + ".json");
        if (bestText != null) {
            AtomicFiles.writeString(dir.resolve(BEST + ".json"), bestText);
            afterWrite.accept(BEST + ".json");
        }
        deleteOtherSteps(LAST, "last-step" + state.step() + ".");
        if (bestState != null) {
            deleteOtherSteps(BEST, bestState.substring(0, bestState.length() - "json".length()));
        }
    }

    /** Deletes the files of step {@code step}, which the save that wrote them did not commit. */
    private void discardStep(long step, Exception cause) {
        for (CheckpointTag tag : CheckpointTag.values()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, tag + "-step" + step + ".*")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Writes the block's parameters to {@code name} atomically and records the file in the state
     * {@code json}: its name, size and SHA-256, which every read checks ({@link #load}).
     */
    private void writeParameters(Block block, String name, Map<String, Object> json) throws IOException {
        Path file = dir.resolve(name);
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        AtomicFiles.write(file, out -> {
            digest.reset();
            DataOutputStream data = new DataOutputStream(new java.security.DigestOutputStream(out, digest));
            writer.write(block, data);
            data.flush();
        });
        json.put("parameters_file", name);
        json.put("parameters_bytes", Files.size(file));
        json.put("parameters_sha256", java.util.HexFormat.of().formatHex(digest.digest()));
    }

    /** Writes a checkpoint's parameter and optimizer files; returns its state JSON, not yet written. */
    private Map<String, Object> writeData(CheckpointTag tag, Block block, TrainingState state, OptimizerState optimizer)
            throws IOException {
        String paramsName = tag + "-step" + state.step() + PARAMS;
        Map<String, Object> json = state.toJson();
        writeParameters(block, paramsName, json);
        afterWrite.accept(paramsName);
        if (optimizer != null) {
            String optimizerName = tag + "-step" + state.step() + OPTIMIZER;
            json.put("optimizer", OptimizerFile.write(dir.resolve(optimizerName), optimizer));
            afterWrite.accept(optimizerName);
        }
        return json;
    }

    /** The best state file the committed {@code last.json} names, or null (none, or not readable). */
    private String committedBestState() {
        try {
            Object name = Json.asObject(Json.parse(StateFiles.readState(dir.resolve(LAST + ".json"))), LAST.id()).get(BEST_STATE);
            return name instanceof String text && isStepFile(text, BEST) ? text : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The state file of the {@code best} checkpoint the committed {@code last.json} names, whether
     * or not it exists; empty when it names none (no best chosen, an older run, or {@code
     * last.json} unreadable).
     */
    public java.util.Optional<Path> namedBestState() {
        return java.util.Optional.ofNullable(committedBestState()).map(dir::resolve);
    }

    private static boolean isStepFile(String name, CheckpointTag tag) {
        return name.matches(tag + "-step[0-9]+\\.json");
    }

    /**
     * Cleans up after a process that died while saving, before a run writes here again: deletes
     * the temporary files of interrupted writes ({@code .<name>.<uuid>.tmp}), the files of
     * checkpoints that were never committed, and rewrites {@code best.json} when it is not the copy
     * of the committed {@code best}. Nothing committed is touched; a directory that does not exist
     * is left alone.
     *
     * @return the names of the files it deleted or rewrote, for the run's log
     */
    public List<String> recover() throws IOException {
        List<String> changed = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return changed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.deleteIfExists(f)) {
                    changed.add(f.getFileName().toString());
                }
            }
        }
        if (!StateFiles.present(stateFile(LAST))) {
            return changed;
        }
        Map<String, Object> last;
        try {
            last = Json.asObject(Json.parse(StateFiles.readState(stateFile(LAST))), LAST.id());
        } catch (IOException | IllegalArgumentException e) {
            return changed; // unreadable: the resume reports it; nothing is deleted on a guess
        }
        Object params = last.get("parameters_file");
        if (params instanceof String name && name.matches("last-step[0-9]+\\.params")) {
            changed.addAll(deleteOtherSteps(LAST, name.substring(0, name.length() - "params".length())));
        }
        String bestState = committedBestState();
        if (bestState != null && Files.isRegularFile(dir.resolve(bestState))) {
            changed.addAll(deleteOtherSteps(BEST, bestState.substring(0, bestState.length() - "json".length())));
            String committed;
            try {
                committed = StateFiles.readState(dir.resolve(bestState));
            } catch (IOException e) {
                return changed; // damaged: the resume reports it; nothing is rewritten on a guess
            }
            Path copy = dir.resolve(BEST + ".json");
            if (!Files.isRegularFile(copy) || !Files.readString(copy).equals(committed)) {
                AtomicFiles.writeString(copy, committed);
                changed.add(copy.getFileName().toString());
            }
        }
        return changed;
    }

    /** Deletes the files of {@code tag}'s other steps: those not starting with {@code keepPrefix}. */
    private List<String> deleteOtherSteps(CheckpointTag tag, String keepPrefix) throws IOException {
        List<String> deleted = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, tag + "-step*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(keepPrefix) && Files.deleteIfExists(f)) {
                    deleted.add(name);
                }
            }
        }
        return deleted;
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
                params = StateFiles.inside(dir, Json.string(json, "parameters_file"), "parameters_file");
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("checkpoint state " + file + " cannot be read: " + e.getMessage(), e);
            }
            try {
                checkParameters(json, file, params);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(params), 1 << 16)) {
                    block.loadParameters(manager, new DataInputStream(in));
                }
            } catch (CheckpointException e) {
                throw e;
            } catch (NoSuchFileException e) {
                if (attempt == MAX_RESTORE_ATTEMPTS) {
                    throw new CheckpointException("checkpoint " + file + " names " + params
                            + ", which does not exist (still missing after " + attempt + " readings). Another"
                            + " process may be saving into " + dir + "; stop it, or restore a copy.", e);
                }
                continue;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                // DJL reads a damaged file of a format-2 checkpoint (no hash) as EOF without a message
                throw new CheckpointException("checkpoint parameters " + params + " cannot be read: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()
                        + " (truncated or damaged)") + "; restore the run directory from a copy", e);
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

    /**
     * Checks the parameter file against the size and SHA-256 its state records (format 3); a state
     * of an older format, which records neither, gets the file's type checked only.
     */
    private static void checkParameters(Map<String, Object> json, Path file, Path params) throws NoSuchFileException {
        try {
            checkRecorded(json, file, params);
        } catch (NoSuchFileException e) {
            throw e; // perhaps a save replacing it: the caller reads the state again
        } catch (IOException e) {
            throw new CheckpointException("checkpoint parameters " + e.getMessage(), e);
        }
    }

    private static void checkRecorded(Map<String, Object> json, Path file, Path params) throws IOException {
        if (!TrainingState.FORMAT.equals(json.get("format"))) {
            StateFiles.requireRegular(params, -1, "a parameter file");
            return;
        }
        long bytes;
        String sha256;
        try {
            bytes = Json.whole(json, "parameters_bytes", 0, Long.MAX_VALUE);
            sha256 = Json.string(json, "parameters_sha256");
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint state " + file + " cannot be read: " + e.getMessage()
                    + "; restore it from a copy", e);
        }
        StateFiles.checked(params, bytes, sha256, file.toString());
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
            try {
                return Json.asObject(Json.parse(stateReader.read(file)), file.toString());
            } catch (NoSuchFileException e) {
                if (file.equals(dir.resolve(tag + ".json"))) {
                    throw e;
                }
                // a best-step file a newer save has just replaced: read what last.json names now
                file = stateFile(tag);
                return Json.asObject(Json.parse(stateReader.read(file)), file.toString());
            }
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

    /**
     * The state file of {@code tag}: {@code <tag>.json}, except for {@code best} when the committed
     * {@code last.json} names the best checkpoint's own state file (see {@link #saveEpoch}).
     */
    private Path stateFile(CheckpointTag tag) {
        if (BEST.equals(tag)) {
            String committed = committedBestState();
            if (committed != null) {
                return dir.resolve(committed);
            }
        }
        return dir.resolve(tag + ".json");
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
