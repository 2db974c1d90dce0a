package dev.lamina.runtime.run;

import ai.djl.training.listener.TrainingListener;
import com.google.gson.annotations.SerializedName;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.checkpoint.RecordedSettings;
import dev.lamina.Model;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.task.TargetNormalization;
import dev.lamina.runtime.task.TaskSpec;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolderRun;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;
import dev.lamina.runtime.train.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training run's directory, the one owner of its files (as PyTorch Lightning's run directory
 * is): the checkpoints {@code last} and {@code best} ({@link CheckpointStore}: parameters,
 * optimizer state, the training state with its typed settings and data identity), the history
 * ({@code history.csv}, {@code .json}, {@code .png}, {@code .svg}), the chosen model as a saved
 * model directory ({@value #MODEL_DIR}/), and for a run on an image folder what it recorded about
 * the folder ({@code classes.txt}, {@code image-folder.json}, {@code skipped-images.txt}). Every
 * file is JSON through the runtime's one codec ({@code dev.lamina.runtime.io.Json}) or a format of
 * DJL's, and written atomically.
 *
 * <p>The use cases of a run live here, the same for Java and for the {@code lamina} command:
 * {@link #train} (train, choose best-or-last, save the chosen model), {@link #chosenTag}, {@link
 * #model} (a checkpoint's model in memory, e.g. for ONNX export), {@link #saveModel}, and {@link
 * #recordedFolder} (the data a run trained on, read again as it was, or refused).
 *
 * <pre>{@code
 * RunDirectory run = RunDirectory.forNewRun(Path.of("runs/fashion"), null);
 * TrainedRun trained = run.train(FashionCnnNet.NET, RunData.of(DatasetKind.FASHION_MNIST,
 *         Datasets.load("fashion-mnist", null)), TrainingConfig.builder().epochs(2).build());
 * try (LaminaModel model = LaminaModel.load(trained.modelDir())) { ... }
 * }</pre>
 */
public final class RunDirectory {

    /** The saved model directory inside a run. */
    public static final String MODEL_DIR = "model";

    /** The files a training run writes; a directory holding one of them holds a run. */
    public static final List<String> RUN_FILES = List.of(CheckpointTag.LAST.id() + ".json",
            CheckpointTag.BEST.id() + ".json", HistoryFiles.JSON, HistoryFiles.CSV, MODEL_DIR);

    /** What a run records when it starts: the model it trains and its data ({@link Started}). */
    public static final String RUN_FILE = "run.json";
    /**
     * The task a run of a binary, multi-label or regression model trained for ({@code
     * TaskSpec.toJson}: threshold, target normalization), written when training starts; a
     * multi-class run has none.
     */
    public static final String TASK_FILE = "task.json";

    private static final Pattern VERSION = Pattern.compile("version_(\\d+)");

    /**
     * {@value #RUN_FILE}: written when training starts, so a run that never got to save its
     * model still says which model it trains (a resume without the model's name takes it).
     *
     * @param format {@value #RUN_FORMAT}
     * @param netClass the generated Net class
     * @param data the data's name ({@link RunData#label()})
     */
    private record Started(String format, @SerializedName("net_class") String netClass, String data) {}

    private static final String RUN_FORMAT = "lamina-run-1";

    private final Path dir;
    /**
     * The option that named a directory {@link #forNewRun} checked to hold no run, or null: a new
     * run checks again once it holds the lock, since another command may have started a run there
     * in between.
     */
    private final String newRunOption;

    private RunDirectory(Path dir, String newRunOption) {
        this.dir = dir;
        this.newRunOption = newRunOption;
    }

    private RunDirectory(Path dir) {
        this(dir, null);
    }

    /** The run directory {@code dir} (nothing is checked or created). */
    public static RunDirectory of(Path dir) {
        return new RunDirectory(dir);
    }

    /**
     * The directory a new run writes to, checked before any data loads: {@code out} when given
     * (refused when it holds a run or cannot be written), else a new {@code
     * <base>/version_<N>} ({@link #nextVersion}). An existing run is never overwritten.
     *
     * @param base where numbered runs go when {@code out} is null; may be null when {@code out} is given
     * @throws InvalidInputException saying why and what to do instead
     */
    public static RunDirectory forNewRun(Path out, Path base) {
        return forNewRun(out, base, "--out");
    }

    /**
     * {@link #forNewRun(Path, Path)}, naming the option (or setting) that gave {@code out} in its
     * messages.
     */
    public static RunDirectory forNewRun(Path out, Path base, String option) {
        if (out == null && base == null) {
            throw new IllegalArgumentException("a new run needs a directory or a base for numbered ones");
        }
        Path dir = out != null ? out : nextVersion(base);
        requireNoRun(dir, RUN_FILES, option);
        return new RunDirectory(dir, option);
    }

    /**
     * Refuses a directory that holds one of {@code runFiles} (an earlier run's, which is never
     * overwritten) or cannot be written; nothing is created.
     *
     * @param runFiles the names of the files a run writes; a directory holding any of them holds a run
     * @throws InvalidInputException saying why and what to do instead
     */
    public static void requireNoRun(Path dir, List<String> runFiles, String option) {
        for (String name : runFiles) {
            if (Files.exists(dir.resolve(name))) {
                throw new InvalidInputException(option + " " + dir + " already holds a run (" + name
                        + "); it is not overwritten. Continue it with --resume " + dir + " where the"
                        + " command has it, or give another " + option + " (without " + option
                        + " each run gets a new numbered directory).");
            }
        }
        requireWritable(dir, option);
    }

    /**
     * An earlier run to continue in place: it must hold a committed {@code last} checkpoint and
     * be writable.
     *
     * @throws InvalidInputException naming what is missing
     */
    public static RunDirectory forResume(Path dir, String option) {
        RunDirectory run = new RunDirectory(dir);
        run.requireLast(option);
        requireWritable(dir, option);
        return run;
    }

    /**
     * Refuses a directory without a committed {@code last} checkpoint (no run to resume from).
     *
     * @throws InvalidInputException naming the file that is missing
     */
    public void requireLast(String option) {
        if (!checkpoints().exists(CheckpointTag.LAST)) {
            throw new InvalidInputException(option + " " + dir + " holds no checkpoint 'last' ("
                    + dir.resolve(CheckpointTag.LAST.id() + ".json") + " does not exist); pass"
                    + " the directory of an earlier `lamina train` run.");
        }
    }

    /** {@code base/version_<N>}, N one above the highest existing one (0 when there is none). */
    public static Path nextVersion(Path base) {
        int next = 0;
        if (Files.isDirectory(base)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, "version_*")) {
                for (Path entry : entries) {
                    Matcher m = VERSION.matcher(entry.getFileName().toString());
                    if (m.matches() && m.group(1).length() < 10) {
                        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
            }
        }
        return base.resolve("version_" + next);
    }

    /**
     * Refuses a directory that cannot be created or written: it is a file, or its nearest existing
     * ancestor is a file or not writable. Nothing is created.
     *
     * @throws InvalidInputException naming the path in the way
     */
    public static void requireWritable(Path dir, String option) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new InvalidInputException(option + " " + dir + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException(option + " " + dir + " cannot be a directory: " + existing
                    + " is a file. Choose another " + option + ".");
        }
        if (!Files.isWritable(existing)) {
            throw new InvalidInputException(option + " " + dir + " cannot be written: " + existing
                    + " is not writable by this user. Choose another " + option + ".");
        }
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** Its checkpoints. */
    public CheckpointStore checkpoints() {
        return new CheckpointStore(dir);
    }

    /** The chosen model's saved model directory, {@code <run>/model}. */
    public Path modelDir() {
        return dir.resolve(MODEL_DIR);
    }

    /** What {@code <run>/model} says, when the run got as far as saving its chosen model. */
    public Optional<SavedModelInfo> savedModel() {
        return StateFiles.present(modelDir().resolve(SavedModelInfo.FILE))
                ? Optional.of(LaminaModel.readInfo(modelDir())) : Optional.empty();
    }

    /**
     * The Net class the run trained: as its saved model names it, else as {@value #RUN_FILE}
     * recorded it when training started (a run that did not end); empty for a run of a version
     * that recorded neither.
     */
    public Optional<String> recordedNetClass() {
        Optional<String> saved = savedModel().map(SavedModelInfo::netClass);
        if (saved.isPresent() || !StateFiles.present(dir.resolve(RUN_FILE))) {
            return saved;
        }
        try {
            Started started = Json.read(StateFiles.readState(dir.resolve(RUN_FILE)), Started.class);
            if (!RUN_FORMAT.equals(started.format()) || started.netClass() == null) {
                throw new IllegalArgumentException("not a " + RUN_FORMAT + " file with a net_class");
            }
            return Optional.of(started.netClass());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(dir.resolve(RUN_FILE) + " cannot be read (" + e.getMessage()
                    + "); name the model the run trained");
        }
    }

    /**
     * The training settings the run's {@code last} checkpoint recorded, each over {@code fallback}
     * where it records none (an older checkpoint): a resume continues the recorded plan (its
     * epochs, batch size, rate and schedule, weight decay, seed, patience) unless told otherwise.
     * The validation fraction is {@code fallback}'s (the held-out set is the checkpoint's data
     * identity, checked when training resumes).
     *
     * @throws CheckpointException when there is no readable {@code last} checkpoint
     */
    public TrainingSettings recordedSettings(TrainingSettings fallback) {
        RecordedSettings r = checkpoints().loadState(CheckpointTag.LAST).settings();
        return new TrainingSettings(
                r.epochs() != null ? r.epochs() : fallback.epochs(),
                r.batchSize() != null ? r.batchSize() : fallback.batchSize(),
                r.learningRate() != null ? r.learningRate().floatValue() : fallback.learningRate(),
                r.schedule() != null ? LearningRateSchedule.parse(r.schedule()) : fallback.schedule(),
                r.weightDecay() != null ? r.weightDecay().floatValue() : fallback.weightDecay(),
                r.seed() != null ? r.seed() : fallback.seed(),
                fallback.validation(),
                r.patience() != null ? r.patience() : fallback.patience());
    }

    /** What a run on an image folder recorded about it; empty for other data. */
    public Optional<ImageFolderRun> imageFolder() {
        return ImageFolderRun.read(dir);
    }

    /**
     * The checkpoint a run's model is taken from: {@code best} when the run kept one chosen on a
     * validation set; {@code last} otherwise (a run without validation keeps no best; an older
     * run's best may have been chosen on the test set).
     *
     * @throws CheckpointException when the committed {@code last.json} names a best checkpoint
     *     whose state file is gone: the run chose one, and taking {@code last} silently would use
     *     another model
     */
    public CheckpointTag chosenTag() {
        CheckpointStore store = checkpoints();
        Optional<Path> named = store.namedBestState();
        if (named.isPresent() && !Files.isRegularFile(named.get())) {
            throw new CheckpointException("the run in " + dir + " chose a 'best' checkpoint, but " + named.get()
                    + " (named by " + dir.resolve(CheckpointTag.LAST.id() + ".json") + ") is missing; restore it"
                    + " from a copy of the run, or ask for 'last' explicitly (--tag last).");
        }
        return store.exists(CheckpointTag.BEST) && store.loadState(CheckpointTag.BEST).evalTarget().selectsBest()
                ? CheckpointTag.BEST : CheckpointTag.LAST;
    }

    /**
     * Locks this directory for one writer until the lock is closed; a second writer, in this
     * process or another, is refused with a message naming the holder.
     *
     * @param command what is writing, e.g. {@code "lamina train"}, for that message
     * @throws InvalidInputException when another writer holds it
     */
    public RunLock lock(String command) {
        return RunLock.acquire(dir, command);
    }

    /**
     * Trains {@code net} on {@code data} into this directory and saves the chosen model: holds
     * out {@code config}'s validation fraction when the data has no validation set, records an
     * image folder ({@link ImageFolders.Loaded#writeRunFiles}), trains with {@link Trainer#fit}
     * (checkpoints and history after every epoch; {@code config.resumeFrom()} continues a run),
     * then writes the {@link #chosenTag chosen} checkpoint's model to {@value #MODEL_DIR}/. The
     * directory is locked meanwhile ({@link #lock}).
     *
     * @param config how to train; its output directory is this one
     * @param listeners DJL listeners told about every batch and epoch
     */
    public TrainedRun train(LaminaNet net, RunData data, TrainingConfig config, TrainingListener... listeners)
            throws IOException {
        if (config.outputDir() != null && !same(config.outputDir(), dir)) {
            throw new IllegalArgumentException("the config writes to " + config.outputDir() + ", this run is " + dir);
        }
        try (RunLock lock = lock("training " + net.name())) {
            if (newRunOption != null && config.resumeFrom() == null) {
                // two commands given the same new directory: the second to get the lock finds the
                // first one's run and is refused, instead of writing over it
                requireNoRun(dir, RUN_FILES, newRunOption);
            }
            RunData held = data.withValidation(config.settings());
            AtomicFiles.writeString(dir.resolve(RUN_FILE), Json.write(new Started(RUN_FORMAT,
                    net.netClass().getName(), held.label())));
            if (held.folder() != null) {
                held.folder().writeRunFiles(dir);
            }
            TaskSpec task = taskFor(net, config.task(), held.splits().train());
            if (!(task instanceof TaskSpec.MultiClass)) {
                AtomicFiles.writeString(dir.resolve(TASK_FILE), Json.write(task.toJson()));
            }
            TrainingResult result = new Trainer(config.withOutputDir(dir).namedIfUnnamed(net.name()).withTask(task),
                    listeners).fit(net.newBlock(),
                    net.inputShape(), held.splits().train(), held.splits().validation(), held.splits().test());
            CheckpointTag chosen = chosenTag();
            SavedModelInfo info = saveModel(chosen, net, held.classNames(), held.label(), modelDir(), task);
            return new TrainedRun(this, result, chosen, info);
        }
    }

    /**
     * The model of checkpoint {@code tag}, in memory ({@link LaminaModel#fromCheckpoint}): it
     * predicts, exports ONNX and saves like a loaded saved model. The class names and the
     * dataset's name are the run's: its saved model's when it is of {@code net}, else its image
     * folder's, else {@code dataset}'s.
     *
     * @param dataset the built-in dataset the run trained on, asked only when the run does not say
     */
    public LaminaModel model(CheckpointTag tag, LaminaNet net, Supplier<DatasetKind> dataset) {
        Labels labels = labels(net, dataset);
        return LaminaModel.fromCheckpoint(dir, tag, net.netClass(), labels.classes(), labels.dataset(), recordedTask(net));
    }

    /**
     * The task a run trains {@code net} for: {@code configured} when it is of the Net's declared
     * task (e.g. a binary task with another threshold), else the Net's with the defaults; a
     * regression without a target normalization gets one measured on {@code train} (mean and
     * standard deviation per target), which the run's {@value #TASK_FILE} and saved model record.
     *
     * @throws InvalidInputException when {@code configured} is another task than the Net declares
     */
    static TaskSpec taskFor(LaminaNet net, TaskSpec configured, ExampleSet train) {
        Model.Task declared = net.descriptor().task();
        if (!(configured instanceof TaskSpec.MultiClass) && configured.task() != declared) {
            throw new InvalidInputException("the training config's task is " + configured.id() + " but " + net.name()
                    + " is declared @Model(task = " + declared + "); leave the config's task out, or change the model");
        }
        TaskSpec task = configured.task() == declared ? configured : TaskSpec.of(declared);
        if (task instanceof TaskSpec.Regression r && configured.task() != declared && train.targets() != null) {
            return r.withNormalization(TargetNormalization.of(train.targets(), train.targetWidth(), train.name()));
        }
        return task;
    }

    /** The task this run recorded ({@value #TASK_FILE}), else {@code net}'s declared one with its defaults. */
    public TaskSpec recordedTask(LaminaNet net) {
        Path file = dir.resolve(TASK_FILE);
        if (!StateFiles.present(file)) {
            return TaskSpec.of(net.descriptor().task());
        }
        try {
            return TaskSpec.fromJson(Json.asObject(Json.parse(StateFiles.readState(file)), "the file"));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + " cannot be read (" + e.getMessage() + "); restore it from a copy"
                    + " of the run");
        }
    }

    /** Writes checkpoint {@code tag}'s model as a saved model directory {@code to}, labelled as {@link #model}. */
    public SavedModelInfo saveModel(CheckpointTag tag, LaminaNet net, Supplier<DatasetKind> dataset, Path to)
            throws IOException {
        Labels labels = labels(net, dataset);
        return saveModel(tag, net, labels.classes(), labels.dataset(), to, recordedTask(net));
    }

    private SavedModelInfo saveModel(CheckpointTag tag, LaminaNet net, List<String> classes, String dataset, Path to,
                                     TaskSpec task) throws IOException {
        try (LaminaModel model = LaminaModel.fromCheckpoint(dir, tag, net.netClass(), classes, dataset, task)) {
            return model.save(to);
        }
    }

    /** The class names and dataset name of the run's data. */
    private record Labels(List<String> classes, String dataset) {}

    private Labels labels(LaminaNet net, Supplier<DatasetKind> dataset) {
        Optional<SavedModelInfo> known = savedModel();
        Optional<ImageFolderRun> folder = imageFolder();
        List<String> classes = known.filter(k -> k.netClass().equals(net.netClass().getName()))
                .map(SavedModelInfo::classes)
                .orElseGet(() -> folder.map(ImageFolderRun::classNames).orElseGet(() -> dataset.get().classNames()));
        String label = known.map(k -> String.valueOf(k.training().get("dataset")))
                .orElseGet(() -> folder.map(f -> "folder " + (f.data() != null ? f.data() : "(not recorded)"))
                        .orElseGet(() -> dataset.get().id()));
        return new Labels(classes, label);
    }

    /**
     * How a command asks to read the image folder of an earlier run: each value {@code null} when
     * not given, meaning "as the run did".
     *
     * @param data the folder ({@code null}: where the run read it)
     * @param otherDataset a built-in dataset asked for instead of a folder, or {@code null}
     */
    public record FolderRequest(Path data, String otherDataset, Resize resize, Boolean skipBadImages,
                                Double testFraction, Long splitSeed) {}

    /**
     * The data of this run when it trained on an image folder, read again as training read it
     * (its classes, resize policy, bad-file skipping, test fraction and split seed, from {@code
     * image-folder.json}), to evaluate or continue the run; empty for a run on other data. The
     * one check that the data is the run's: a value in {@code given} that differs from the run's
     * is refused (only the folder may move), and so is a folder whose classes or test split
     * changed since ({@link ImageFolderRun#check}). A resume also compares the checkpoint's data
     * identity when it starts ({@link Trainer}).
     *
     * @param option the option that named this directory, for messages
     * @throws InvalidInputException one line saying what differs and what to do
     */
    public Optional<RunData> recordedFolder(LaminaNet net, FolderRequest given, String option) {
        Optional<ImageFolderRun> recorded = imageFolder();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        ImageFolderRun run = recorded.get();
        if (given.otherDataset() != null) {
            throw new InvalidInputException(option + " " + dir + " was trained on an image folder ("
                    + dir.resolve(ImageFolders.CLASSES_FILE) + "), not on --dataset " + given.otherDataset()
                    + "; leave --dataset out to use the run's folder");
        }
        Path folder = given.data() != null ? given.data() : run.data();
        if (folder == null) {
            throw new InvalidInputException(option + " " + dir + " was trained on an image folder but does"
                    + " not record which (no " + ImageFolderRun.FILE + ": an older run); give --dataset folder"
                    + " --data DIR with the options it was trained with");
        }
        ImageFolders.Options options;
        if (run.hasSettings()) {
            ImageFolders.Options trained = run.options();
            refuseOther("--resize", given.resize(), trained.resize(), true, "convert the images otherwise than training");
            refuseOther("--skip-bad-images", given.skipBadImages(), trained.skipBadImages(), true,
                    "read other files than training");
            // a folder with its own test/ folder is not split: the fraction and seed do not apply
            refuseOther("--test-fraction", given.testFraction(), trained.testFraction(), run.splitByFraction(),
                    "test on images the model trained on");
            refuseOther("--split-seed", given.splitSeed(), trained.seed(), run.splitByFraction(),
                    "test on images the model trained on");
            options = trained;
        } else {
            ImageFolders.Options defaults = ImageFolders.Options.defaults();
            options = defaults.withResize(given.resize() != null ? given.resize() : defaults.resize())
                    .withSkipBadImages(given.skipBadImages() != null ? given.skipBadImages() : defaults.skipBadImages())
                    .withTestFraction(given.testFraction() != null ? given.testFraction() : defaults.testFraction())
                    .withSeed(given.splitSeed() != null ? given.splitSeed() : defaults.seed());
        }
        RunData loaded = RunData.loadFolder(net, folder, options);
        run.check(loaded.folder(), dir);
        return Optional.of(loaded);
    }

    /**
     * The data to evaluate or continue this run on: its image folder read as training read it
     * ({@link #recordedFolder}), or, for a run on other data, what {@code dataset} and {@code
     * given} name ({@link RunData#load}).
     *
     * @param dataset the dataset option's value (a default when not given)
     * @param given what was given, each null when not
     * @param option the option that named this directory, for messages
     * @throws InvalidInputException one line saying what differs and what to do
     */
    public RunData data(LaminaNet net, String dataset, FolderRequest given, String option) {
        return recordedFolder(net, given, option).orElseGet(() -> RunData.load(net, dataset, given));
    }

    /** Refuses a value given with another value than the run's. */
    private void refuseOther(String name, Object given, Object runs, boolean applies, String would) {
        if (given != null && applies && !given.equals(runs)) {
            throw new InvalidInputException(name + " " + text(given) + " differs from the " + text(runs)
                    + " the run in " + dir + " was trained with (" + dir.resolve(ImageFolderRun.FILE) + "); it would "
                    + would + ". Leave " + name + " out to use the run's.");
        }
    }

    private static String text(Object value) {
        return value instanceof Resize r ? r.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
