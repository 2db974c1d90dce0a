package dev.lamina.runtime.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.checkpoint.ModelSignature;
import dev.lamina.runtime.checkpoint.TrainingState;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.data.image.ImageFolderRun;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
import dev.lamina.runtime.onnx.OnnxExporter;
import dev.lamina.runtime.task.Prediction;
import dev.lamina.runtime.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A trained model loaded from a saved model directory, ready to predict: the directory holds DJL's
 * own parameter file ({@code <Name>-NNNN.params}, written by {@link Model#save}) and {@value
 * SavedModelInfo#FILE} ({@link SavedModelInfo}: model class, Lamina version, input shape, class
 * names, normalization, parameter signature, training summary).
 *
 * <pre>{@code
 * try (LaminaModel model = LaminaModel.load(Path.of("runs/fashion/model"));
 *      Predictor<Image, Classifications> predictor = model.predictor()) {
 *     Classifications c = predictor.predict(ImageFactory.getInstance().fromFile(Path.of("shoe.png")));
 * }
 * }</pre>
 *
 * <p>DJL alone reads the directory too: {@code Model.newInstance("FashionCnn")}, {@code
 * setBlock(FashionCnnNet.newBlock())}, {@code load(dir)}; {@link #load} adds the checks.
 */
public final class LaminaModel implements AutoCloseable {

    private final Model model;
    /** The Net it was loaded as: its descriptor says what the block computes (the ONNX export reads it). */
    private final LaminaNet net;
    private final SavedModelInfo info;
    private final Path dir;
    /** The model on ONNX Runtime ({@link InferenceEngine#ONNXRUNTIME}), made by the first predictor that asks. */
    private Model onnxRuntime;

    private LaminaModel(Model model, LaminaNet net, SavedModelInfo info, Path dir) {
        this.model = model;
        this.net = net;
        this.info = info;
        this.dir = dir;
    }

    /**
     * Writes a saved model directory: DJL's parameter file, then {@value SavedModelInfo#FILE}, each
     * atomically; the JSON file, written last, is the commit point (a crash leaves the previous save
     * usable). The parameter file of the saved model this one replaces is removed after the commit;
     * no other file in {@code dir} is touched.
     *
     * @param dir the directory (created when missing)
     * @param netClass the generated {@code <Name>Net} class the block was built by
     * @param block the trained, initialized block
     * @param classes the output classes' names, in output order; fewer than the outputs when the data
     *     has fewer classes than the model (the rest are named {@code unused-output-<i>})
     * @param normalization the standardization applied in training, or {@code null}
     * @param training a summary of the training (dataset, epochs, metrics...), written as JSON
     * @return what was written
     */
    public static SavedModelInfo save(Path dir, Class<?> netClass, Block block, List<String> classes,
                                      Normalization normalization, Map<String, Object> training) throws IOException {
        return save(dir, netClass, block, classes, normalization, ImageConversion.Resize.NONE, training);
    }

    /**
     * {@link #save(Path, Class, Block, List, Normalization, Map)} for a model trained on images
     * fitted to its input by {@code resize} ({@code lamina train --resize}): {@link #predictor()}
     * and {@code lamina predict} then convert images the same way.
     */
    public static SavedModelInfo save(Path dir, Class<?> netClass, Block block, List<String> classes,
                                      Normalization normalization, ImageConversion.Resize resize,
                                      Map<String, Object> training) throws IOException {
        return save(dir, netClass, block, classes, normalization, resize, training, new TaskSpec.MultiClass());
    }

    /**
     * {@link #save(Path, Class, Block, List, Normalization, ImageConversion.Resize, Map)} for a model
     * of {@code task} (its threshold or target normalization is recorded; {@code classes} are the
     * two class names, negative first, for binary, the labels for multi-label, the target names for
     * regression).
     */
    public static SavedModelInfo save(Path dir, Class<?> netClass, Block block, List<String> classes,
                                      Normalization normalization, ImageConversion.Resize resize,
                                      Map<String, Object> training, TaskSpec task) throws IOException {
        requireLiveParameters(block);
        LaminaNet net = handle(netClass);
        String name = net.name();
        Shape input = net.inputShape();
        long[] chw = input.slice(1).getShape();
        ModelSignature signature = ModelSignature.of(block);
        Shape output = block.getOutputShapes(new Shape[] {input})[0];
        long outputs = output.get(output.dimension() - 1);
        if (names(task, outputs) < classes.size()) {
            throw new IllegalArgumentException(name + " outputs " + output + " but " + classes.size()
                    + " class names were given");
        }
        classes = namedOutputs(classes, names(task, outputs));
        // the parameter file of the save this one replaces: the only file the save removes
        String previous = previousParametersFile(dir);
        Files.createDirectories(dir);
        Path staging = dir.resolve(".save-" + UUID.randomUUID());
        String fileName;
        try (Model model = Model.newInstance(name)) {
            model.setBlock(block);
            Object epoch = training.get("epoch");
            model.setProperty("Epoch", String.valueOf(epoch instanceof Number n ? n.intValue() : 0));
            model.save(staging, name);
            try (Stream<Path> files = Files.list(staging)) {
                List<Path> written = files.toList();
                if (written.size() != 1) {
                    throw new IOException("DJL wrote " + written + " into " + staging + "; expected one parameter file");
                }
                fileName = written.get(0).getFileName().toString();
                AtomicFiles.write(dir.resolve(fileName), out -> Files.copy(written.get(0), out));
            }
        } finally {
            deleteTree(staging);
        }
        Path params = dir.resolve(fileName);
        SavedModelInfo info = new SavedModelInfo(name, netClass.getName(), SavedModelInfo.currentLaminaVersion(),
                chw, classes, normalization, resize, fileName, Files.size(params), StateFiles.sha256(params), signature, training,
                task);
        AtomicFiles.writeString(dir.resolve(SavedModelInfo.FILE), info.toJson(net.descriptor()));
        if (previous != null && !previous.equals(fileName)) {
            Files.deleteIfExists(dir.resolve(previous));
        }
        return info;
    }

    /**
     * Refuses a block whose parameters are gone, before anything is written: {@code Trainer.fit}
     * closes its DJL model when it returns, and with it the trained block's arrays.
     */
    private static void requireLiveParameters(Block block) {
        boolean released = block.getParameters().values().stream()
                .anyMatch(p -> p.isInitialized() && p.getArray().isReleased());
        if (released) {
            throw new LaminaModelException("the block's parameters have been released (Trainer.fit closes its"
                    + " model when it returns), so there is nothing to save; train with RunDirectory.train, whose"
                    + " result saves the chosen model, or save a checkpoint's model with"
                    + " LaminaModel.saveFromCheckpoint(runDir, tag, netClass, classes, dataset, dir)");
        }
    }

    /**
     * The parameter file the saved model already in {@code dir} names, when it is one of its own
     * ({@code <name>-NNNN.params}, a regular file); else null. Other files in {@code dir} are
     * never touched.
     */
    private static String previousParametersFile(Path dir) {
        if (!Files.isRegularFile(dir.resolve(SavedModelInfo.FILE))) {
            return null;
        }
        try {
            String name = readInfo(dir).parametersFile();
            return name != null && name.matches("[^/\\\\]+-\\d{4,}\\.params")
                    && Files.isRegularFile(dir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? name : null;
        } catch (LaminaModelException e) {
            return null; // unreadable: nothing is removed on a guess (nor a link: a save never writes one)
        }
    }

    /**
     * Writes a saved model directory from a checkpoint of a training run ({@code lamina train
     * --out RUN_DIR}): {@link #fromCheckpoint}, then {@link #save(Path)}.
     *
     * @param runDir the run's checkpoint directory
     * @param tag {@code best} or {@code last}
     * @param dataset the dataset's name, for the summary
     */
    public static SavedModelInfo saveFromCheckpoint(Path runDir, String tag, Class<?> netClass, List<String> classes,
                                                    String dataset, Path dir) throws IOException {
        try (LaminaModel model = fromCheckpoint(runDir, CheckpointTag.parse(tag), netClass, classes, dataset)) {
            return model.save(dir);
        }
    }

    /**
     * The model of a checkpoint of a training run, loaded in memory (nothing is written): the
     * parameters are loaded into {@code netClass}'s block (refused with what differs when the
     * checkpoint is of another model), the normalization and a training summary come from the
     * checkpoint's state, and the resize policy from the run's {@value ImageFolderRun#FILE} when it
     * trained on an image folder (else {@link ImageConversion.Resize#NONE}). It predicts, exports
     * ONNX ({@link #exportOnnx}) and saves ({@link #save(Path)}) like a loaded saved model; its
     * {@link #info()} names no parameter file until it is saved, and {@link #dir()} is null.
     *
     * @param classes the output classes' names, in output order (see {@link #save(Path, Class, Block,
     *     List, Normalization, Map)})
     * @param dataset the dataset's name, for the summary
     * @throws dev.lamina.runtime.checkpoint.CheckpointException when the checkpoint is missing,
     *     unreadable or of another model
     */
    public static LaminaModel fromCheckpoint(Path runDir, CheckpointTag tag, Class<?> netClass, List<String> classes,
                                             String dataset) {
        return fromCheckpoint(runDir, tag, netClass, classes, dataset, new TaskSpec.MultiClass());
    }

    /**
     * {@link #fromCheckpoint(Path, CheckpointTag, Class, List, String)} of a model of {@code task}
     * (as trained: with its threshold and target normalization).
     */
    public static LaminaModel fromCheckpoint(Path runDir, CheckpointTag tag, Class<?> netClass, List<String> classes,
                                             String dataset, TaskSpec task) {
        LaminaNet net = handle(netClass);
        Model model = Model.newInstance(net.name());
        try {
            Block block = net.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShape());
            TrainingState state = new CheckpointStore(runDir).restore(tag, block, model.getNDManager());
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("dataset", dataset);
            training.put("run_directory", runDir.toAbsolutePath().normalize().toString());
            training.put("checkpoint", tag.id());
            training.put("epoch", state.epoch());
            training.put("step", state.step());
            training.put("evaluated_on", state.evalTarget().id());
            state.history().stream().filter(h -> h.epoch() == state.epoch()).findFirst()
                    .ifPresent(h -> training.put("metrics", h.toJson()));
            if (state.bestEpoch() > 0) {
                training.put("best_epoch", state.bestEpoch());
                training.put("best_" + state.evalTarget().id() + "_" + task.selectionMetric(), state.bestAccuracy());
            }
            training.put("settings", Json.toTree(state.settings()));
            ImageConversion.Resize resize = ImageFolderRun.read(runDir).filter(ImageFolderRun::hasSettings)
                    .map(run -> run.options().resize()).orElse(ImageConversion.Resize.NONE);
            Shape output = block.getOutputShapes(new Shape[] {net.inputShape()})[0];
            SavedModelInfo info = new SavedModelInfo(net.name(), netClass.getName(),
                    SavedModelInfo.currentLaminaVersion(), net.inputShape().slice(1).getShape(),
                    namedOutputs(classes, names(task, output.get(output.dimension() - 1))), state.settings().normalization(),
                    resize, null, 0, null, ModelSignature.of(block), training, task);
            return new LaminaModel(model, net, info, null);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Writes this model as a saved model directory ({@link #save(Path, Class, Block, List,
     * Normalization, ImageConversion.Resize, Map)} with its own info).
     */
    public SavedModelInfo save(Path dir) throws IOException {
        return save(dir, net.netClass(), block(), info.classes(), info.normalization(), info.resize(), info.training(),
                info.task());
    }

    /**
     * Loads a saved model directory into the Net class it names (which must be on the class path).
     *
     * @throws LaminaModelException as {@link #load(Path, Class)}
     */
    public static LaminaModel load(Path dir) {
        SavedModelInfo info = readInfo(dir);
        return load(dir, info, byName(info.netClass()));
    }

    /**
     * Loads a saved model directory into {@code netClass}'s block, after checking that it fits.
     *
     * @throws LaminaModelException naming what differs: the directory is no saved model, it was
     *     saved from another model class, the compiled model's input shape or parameter names or
     *     shapes differ from the saved ones (the model class was edited after training), or the
     *     parameter file is missing, truncated or damaged
     */
    public static LaminaModel load(Path dir, Class<?> netClass) {
        return load(dir, readInfo(dir), handle(netClass));
    }

    /** Reads and parses {@value SavedModelInfo#FILE} alone (no parameters are loaded). */
    public static SavedModelInfo readInfo(Path dir) {
        Path file = dir.resolve(SavedModelInfo.FILE);
        try {
            return SavedModelInfo.parse(StateFiles.readState(file));
        } catch (NoSuchFileException e) {
            throw new LaminaModelException(dir + " is not a saved Lamina model: " + file + " does not exist."
                    + " `lamina train` writes one into <out>/model; `lamina export RUN_DIR --to DIR` makes one"
                    + " from a checkpoint.");
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new LaminaModelException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The typed handle ({@code NET}) of a generated Net class. */
    private static LaminaNet handle(Class<?> netClass) {
        try {
            return LaminaNet.of(netClass);
        } catch (IllegalArgumentException e) {
            throw new LaminaModelException(e.getMessage(), e);
        }
    }

    /**
     * The generated Net class a saved model records by name, loaded from the thread's context
     * class loader (else this one's): the one place a model is looked up by name.
     */
    private static LaminaNet byName(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return handle(Class.forName(name, true, loader != null ? loader : LaminaModel.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LaminaModelException("the saved model's class " + name + " is not on the class path;"
                    + " add the project that declares it, or call LaminaModel.load(dir, <Name>Net.class)", e);
        }
    }

    private static LaminaModel load(Path dir, SavedModelInfo info, LaminaNet net) {
        if (!net.netClass().getName().equals(info.netClass())) {
            throw new LaminaModelException(dir + " was saved from model " + info.modelName() + " ("
                    + info.netClass() + "), not " + net.netClass().getName() + ". Load it with "
                    + simpleName(info.netClass()) + ".class, or pass the directory saved from this model.");
        }
        Shape input = net.inputShape();
        long[] chw = input.slice(1).getShape();
        if (!java.util.Arrays.equals(chw, info.inputShape())) {
            throw new LaminaModelException(dir + " was saved for input " + new Shape(info.inputShape())
                    + " but " + net.netClass().getSimpleName() + " now takes " + new Shape(chw)
                    + ": the model class was edited after training. Retrain it, or load with the class as it was.");
        }
        if (!net.name().equals(info.modelName())) {
            throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + " names model \"" + info.modelName()
                    + "\" but its net_class " + info.netClass() + " is model " + net.name()
                    + " (the file was edited?); restore it from a copy");
        }
        if (info.task().task() != net.descriptor().task()) {
            throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + ": \"task\" is " + info.task().id()
                    + " but " + net.name() + " is declared @Model(task = " + net.descriptor().task() + ") (the file was"
                    + " edited, or the model class changed after training); restore the file, or retrain");
        }
        if (info.normalization() != null && info.normalization().channels() != chw[0]) {
            throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + " has a normalization of "
                    + info.normalization().channels() + " channel(s) but " + info.modelName() + " takes " + chw[0]
                    + " (the file was edited?); restore it from a copy");
        }
        Path params;
        try {
            params = StateFiles.inside(dir, info.parametersFile(), "parameters_file");
        } catch (IllegalArgumentException e) {
            throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + " cannot be read: " + e.getMessage(), e);
        }
        checkFile(dir, info, params);
        Model model = Model.newInstance(info.modelName());
        try {
            Block block = net.newBlock();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);
            Shape output = block.getOutputShapes(new Shape[] {input})[0];
            long outputs = output.get(output.dimension() - 1);
            if (info.classes().size() != names(info.task(), outputs)) {
                throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + " names " + info.classes().size()
                        + " classes but " + info.modelName() + " has " + outputs + " outputs" + (info.task()
                        instanceof TaskSpec.Binary ? " (a binary model names its 2 classes, negative first)" : "")
                        + " (the file was edited?); restore it from a copy");
            }
            if (info.task() instanceof TaskSpec.Regression r && !r.normalization().isNone()
                    && r.normalization().mean().length != outputs) {
                throw new LaminaModelException(dir.resolve(SavedModelInfo.FILE) + ": \"target_normalization\" has "
                        + r.normalization().mean().length + " targets but " + info.modelName() + " has " + outputs
                        + " outputs (the file was edited?); restore it from a copy");
            }
            List<String> diffs = info.signature().differencesFrom(ModelSignature.of(block), "saved model");
            if (!diffs.isEmpty()) {
                List<String> listed = diffs.subList(0, Math.min(diffs.size(), 5));
                throw new LaminaModelException(dir + " does not fit " + net.netClass().getSimpleName() + " as compiled now ("
                        + diffs.size() + " parameter difference(s)): "
                        + String.join("; ", listed) + (diffs.size() > listed.size() ? "; ..." : "")
                        + ". The model class was edited after training; retrain it, or load with the class as it was.");
            }
            // exactly the file checked above (without an epoch DJL takes the newest <name>-NNNN.params)
            model.load(dir, info.modelName(), Map.of("epoch", epochOf(info.parametersFile(), params)));
            return new LaminaModel(model, net, info, dir);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof LaminaModelException lme) {
                throw lme;
            }
            throw new LaminaModelException("the parameters in " + params + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static void checkFile(Path dir, SavedModelInfo info, Path params) {
        try {
            StateFiles.checked(params, info.parametersBytes(), info.parametersSha256(), SavedModelInfo.FILE);
        } catch (NoSuchFileException e) {
            throw new LaminaModelException(dir + " is incomplete: its parameter file " + params
                    + " (named in " + SavedModelInfo.FILE + ") does not exist. Copy the directory again from where"
                    + " it was saved.", e);
        } catch (IOException e) {
            throw new LaminaModelException("the parameter file " + e.getMessage()
                    + " (copy the directory again from where it was saved)", e);
        }
    }

    /** What {@value SavedModelInfo#FILE} says. */
    public SavedModelInfo info() {
        return info;
    }

    /** The directory it was loaded from; null for a model {@link #fromCheckpoint loaded from a checkpoint}. */
    public Path dir() {
        return dir;
    }

    /** The DJL model (its block holds the loaded parameters). */
    public Model djlModel() {
        return model;
    }

    /** The layers of its Net, as the processor shaped them ({@link LaminaNet#descriptor()}). */
    public dev.lamina.runtime.descriptor.NetDescriptor descriptor() {
        return net.descriptor();
    }

    /** The block with the loaded parameters. */
    public Block block() {
        return model.getBlock();
    }

    /** The input shape with a batch axis of 1, e.g. {@code (1, 1, 28, 28)}. */
    public Shape inputShapeWithBatch() {
        long[] chw = info.inputShape();
        long[] shape = new long[chw.length + 1];
        shape[0] = 1;
        System.arraycopy(chw, 0, shape, 1, chw.length);
        return new Shape(shape);
    }

    /**
     * A DJL predictor on {@link InferenceEngine#PYTORCH}: an image in, the classes with their
     * probabilities out, converted and normalized as in training: an image of another size than the
     * model's input is fitted by the resize policy training used ({@link SavedModelInfo#resize()};
     * refused for {@code none}). Close it after use; it is not thread-safe (make one per thread).
     */
    public Predictor<Image, Classifications> predictor() {
        return predictor(InferenceEngine.PYTORCH, info.resize());
    }

    /** {@link #predictor()} with another resize policy than training's for images of another size. */
    public Predictor<Image, Classifications> predictor(ImageConversion.Resize resize) {
        return predictor(InferenceEngine.PYTORCH, resize);
    }

    /**
     * {@link #predictor()} on {@code engine}: the same conversion, normalization and softmax, the
     * forward pass on PyTorch (the loaded block) or on ONNX Runtime. For {@link
     * InferenceEngine#ONNXRUNTIME} the model's ONNX graph ({@link OnnxExporter}, as {@link
     * #exportOnnx} writes it, without the probabilities output the predictor does not read) is built
     * in memory and loaded into ONNX Runtime once, when the first
     * such predictor is made, and closed with this model; nothing is written into the model's
     * directory. Its probabilities equal PyTorch's within 1e-5.
     *
     * @throws EngineUnavailableException when {@code engine} is {@link InferenceEngine#ONNXRUNTIME}
     *     and DJL's ONNX Runtime engine ({@code ai.djl.onnxruntime:onnxruntime-engine}, an optional
     *     dependency of lamina-runtime) is not on the class path, or ONNX Runtime does not load
     */
    public Predictor<Image, Classifications> predictor(InferenceEngine engine) {
        return predictor(engine, info.resize());
    }

    /** {@link #predictor(InferenceEngine)} with another resize policy than training's. */
    public Predictor<Image, Classifications> predictor(InferenceEngine engine, ImageConversion.Resize resize) {
        if (info.inputShape().length != 3) {
            throw new LaminaModelException(info.modelName() + " takes a vector of "
                    + java.util.Arrays.toString(info.inputShape()) + " values, not an image, so it has no image"
                    + " predictor; call djlModel().newPredictor(...) with a Translator of your own");
        }
        ImageClassifierTranslator translator = new ImageClassifierTranslator(info.inputShape(),
                info.normalization(), info.classes(), resize);
        return switch (engine) {
            case PYTORCH -> model.newPredictor(translator);
            case ONNXRUNTIME -> onnxRuntimeModel().newPredictor(translator);
        };
    }

    /** The model on ONNX Runtime, loaded from its ONNX graph the first time it is asked for. */
    private synchronized Model onnxRuntimeModel() {
        if (onnxRuntime == null) {
            onnxRuntime = OnnxRuntimeModel.load(info.modelName(), OnnxRuntimeModel.logitsOnly(
                    OnnxExporter.export(net, block(), info.modelName(), onnxMetadata())));
        }
        return onnxRuntime;
    }

    /**
     * A DJL predictor for the model's task: an image in (converted and normalized as for {@link
     * #predictor()}), its {@link Prediction} out: class probabilities (multi-class), the positive
     * class's probability and the answer at the threshold (binary), a probability per label and the
     * set at the threshold (multi-label), the values in the targets' units (regression). Close it
     * after use; it is not thread-safe.
     */
    public Predictor<Image, Prediction> taskPredictor() {
        return taskPredictor(info.resize());
    }

    /** {@link #taskPredictor()} with another resize policy than training's for images of another size. */
    public Predictor<Image, Prediction> taskPredictor(ImageConversion.Resize resize) {
        if (info.inputShape().length != 3) {
            throw new LaminaModelException(info.modelName() + " takes a vector, not an image, so it has no image"
                    + " predictor; read its raw outputs with interpret(float[])");
        }
        return model.newPredictor(new TaskTranslator(new ImageClassifierTranslator(info.inputShape(),
                info.normalization(), info.classes(), resize), info.task(), info.classes()));
    }

    /**
     * One raw output row of this model (from any engine that ran it: DJL, ONNX Runtime) read by its
     * task ({@link TaskSpec#interpret}), with its class, label or target names.
     */
    public Prediction interpret(float[] row) {
        return info.task().interpret(row, info.classes());
    }

    /**
     * Writes the model as ONNX ({@link OnnxExporter}), with the class names, normalization and model
     * name as metadata.
     */
    public void exportOnnx(Path file) throws IOException {
        OnnxExporter.write(file, net, block(), info.modelName(), onnxMetadata(), onnxHead(info.task()));
    }

    private Map<String, String> onnxMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("lamina.model", info.modelName());
        metadata.put("lamina.net_class", info.netClass());
        metadata.put("lamina.classes", String.join("\n", info.classes()));
        metadata.put("lamina.normalization", info.normalization() == null ? "none" : info.normalization().format());
        metadata.put("lamina.resize", info.resize().name().toLowerCase(java.util.Locale.ROOT));
        metadata.put("lamina.input", "(C, H, W) = " + new Shape(info.inputShape())
                + ", values in [0, 1] (pixel / 255), then the normalization");
        if (!(info.task() instanceof TaskSpec.MultiClass)) {
            metadata.put("lamina.task", info.task().id());
            metadata.put("lamina.task_settings", Json.write(info.task().toJson()));
        }
        return metadata;
    }

    /**
     * The graph's output for the task: the softmax (multi-class), the sigmoid (binary,
     * multi-label), or the values denormalized into the targets' units (regression, {@code
     * OnnxExporter.VALUES}).
     */
    private OnnxExporter.Head onnxHead(TaskSpec task) {
        if (task instanceof TaskSpec.Binary || task instanceof TaskSpec.MultiLabel) {
            return OnnxExporter.Head.SIGMOID;
        }
        if (task instanceof TaskSpec.Regression r) {
            int outputs = info.classes().size();
            float[] scale = new float[outputs];
            float[] shift = new float[outputs];
            for (int j = 0; j < outputs; j++) {
                scale[j] = (float) r.normalization().denormalize(1, j) - (float) r.normalization().denormalize(0, j);
                shift[j] = (float) r.normalization().denormalize(0, j);
            }
            return OnnxExporter.Head.values(scale, shift);
        }
        return OnnxExporter.Head.SOFTMAX;
    }

    /** Closes the DJL model, and the ONNX Runtime one when a predictor made it. */
    @Override
    public synchronized void close() {
        try {
            if (onnxRuntime != null) {
                onnxRuntime.close();
            }
        } finally {
            model.close();
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The names of all {@code outputs}: the data's classes, then, when the model has more outputs
     * than the data has classes (allowed in training: those outputs are never a target), {@code
     * "unused-output-<i>"} for the rest, so predictions can always be named.
     */
    /** How many names a model of {@code task} with {@code outputs} outputs has: a binary model's two classes. */
    private static long names(TaskSpec task, long outputs) {
        return task instanceof TaskSpec.Binary ? 2 : outputs;
    }

    static List<String> namedOutputs(List<String> classes, long outputs) {
        List<String> names = new java.util.ArrayList<>(classes);
        for (long i = classes.size(); i < outputs; i++) {
            names.add("unused-output-" + i);
        }
        return List.copyOf(names);
    }

    /** The epoch number DJL put in a parameter file's name ({@code <name>-NNNN.params}). */
    private static int epochOf(String fileName, Path params) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d{4,})\\.params$").matcher(fileName);
        if (!m.find()) {
            throw new LaminaModelException(params + " is not named like a DJL parameter file (<name>-NNNN.params)");
        }
        return Integer.parseInt(m.group(1));
    }
}
