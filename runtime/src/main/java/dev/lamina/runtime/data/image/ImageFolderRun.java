package dev.lamina.runtime.data.image;

import com.google.gson.annotations.SerializedName;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a training run on an image folder recorded in its run directory, so that evaluating,
 * resuming or exporting it later reads the folder as training did: {@value ImageFolders#CLASSES_FILE}
 * (the class names in label order) and {@value #FILE}: the folder, its layout, the {@link
 * ImageFolders.Options} (resize policy, skipping bad files, test fraction and split seed) and the
 * identity of the test set (its image count and a SHA-256 of its files' paths, relative to the
 * folder, with their labels).
 *
 * <p>{@link #check} refuses a folder read later whose classes differ from the run's (every label
 * would name another class) or, for a folder split by fraction, whose test set is not the run's
 * (images added, removed or renamed since training move images between the training and the test
 * side, so the test set could hold images the model trained on).
 *
 * @param data the folder, absolute, or {@code null} for a run that recorded only its classes
 * @param options how training read it, or {@code null} for a run that recorded only its classes
 *     ({@value ImageFolders#CLASSES_FILE} without {@value #FILE}: written before the settings
 *     were saved)
 * @param splitByFraction whether the test set was split off by {@link ImageFolders.Options#testFraction}
 *     (else it was the folder's own test/ or val/ folder)
 * @param classNames label i is {@code classNames.get(i)}
 * @param testImages the test set's size, or -1 when unknown
 * @param testSha256 the test set's identity ({@link #identity}), or {@code null} when unknown
 */
public record ImageFolderRun(Path data, ImageFolders.Options options, boolean splitByFraction,
                             List<String> classNames, int testImages, String testSha256) {

    /** File written to a run directory next to {@value ImageFolders#CLASSES_FILE}. */
    public static final String FILE = "image-folder.json";
    /** The format this Lamina writes and reads. */
    public static final String FORMAT = "lamina-image-folder-1";

    /** {@value #FILE} as written, through the runtime's one JSON codec. */
    private record FolderFile(String format, String data, String split, String resize,
                              @SerializedName("skip_bad_images") Boolean skipBadImages,
                              @SerializedName("test_fraction") Double testFraction,
                              @SerializedName("split_seed") Long splitSeed, List<String> classes,
                              @SerializedName("test_set") TestSet testSet) {}

    /** The test set's identity in {@value #FILE}. */
    private record TestSet(Integer images, String sha256) {}

    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public ImageFolderRun {
        classNames = List.copyOf(classNames);
    }

    /** The record of a folder just loaded. */
    static ImageFolderRun of(ImageFolders.Loaded loaded) {
        ImageFolderSet test = (ImageFolderSet) loaded.splits().test();
        return new ImageFolderRun(loaded.dir().toAbsolutePath().normalize(), loaded.options(),
                loaded.splitByFraction(), loaded.classNames(), test.size(), identity(test, loaded.dir()));
    }

    /** Whether the run recorded how it read the folder (not only its classes). */
    public boolean hasSettings() {
        return options != null;
    }

    /** Writes {@value ImageFolders#CLASSES_FILE} and {@value #FILE} into {@code runDir}. */
    void write(Path runDir) throws IOException {
        AtomicFiles.writeString(runDir.resolve(ImageFolders.CLASSES_FILE), String.join("\n", classNames) + "\n");
        FolderFile file = new FolderFile(FORMAT, data.toString(), splitByFraction ? "fraction" : "folders",
                options.resize().name().toLowerCase(Locale.ROOT), options.skipBadImages(), options.testFraction(),
                options.seed(), classNames, new TestSet(testImages, testSha256));
        AtomicFiles.writeString(runDir.resolve(FILE), Json.write(file));
    }

    /**
     * What {@code runDir} recorded about the image folder it trained on; empty when it holds
     * neither {@value #FILE} nor {@value ImageFolders#CLASSES_FILE} (a run on a built-in dataset).
     *
     * @throws InvalidInputException when a file is there but cannot be read or parsed, naming it
     */
    public static Optional<ImageFolderRun> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        Path classesFile = runDir.resolve(ImageFolders.CLASSES_FILE);
        try {
            if (StateFiles.present(file)) {
                return Optional.of(parse(StateFiles.readState(file)));
            }
            if (StateFiles.present(classesFile)) {
                try {
                    return Optional.of(new ImageFolderRun(null, null, false, classNames(StateFiles
                            .readState(classesFile).lines().filter(line -> !line.isEmpty()).map(line -> (Object) line)
                            .toList(), "a line"), -1, null));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(classesFile + " cannot be read (" + e.getMessage() + "); it is"
                            + " written by `lamina train --dataset folder`, restore it from the run");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the run's image-folder record: " + e.getMessage());
        } catch (InvalidInputException e) {
            throw e; // names its file already
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + " cannot be read (" + e.getMessage() + "); it is written by"
                    + " `lamina train --dataset folder`, restore it from the run");
        }
    }

    /**
     * Reads {@value #FILE}, checking every field (issue 21: every field of every state file is
     * checked on read): its type, and {@code format} this one, {@code data} an absolute path,
     * {@code split} {@code fraction} or {@code folders}, {@code resize} a policy, {@code
     * test_fraction} finite in (0, 1), {@code split_seed} a whole number, {@code classes} the sorted,
     * distinct names of class folders, {@code test_set.images} a count and {@code test_set.sha256} 64
     * hex digits.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    private static ImageFolderRun parse(String text) {
        Map<String, Object> m = Json.asObject(Json.parse(text), "the file");
        String format = Json.string(m, "format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("\"format\" is the unknown format " + format + ", this Lamina reads "
                    + FORMAT);
        }
        String data = Json.string(m, "data");
        Path folder;
        try {
            folder = Path.of(data);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("\"data\" is not a path: " + e.getMessage());
        }
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("\"data\" must be the folder's absolute path, not " + data);
        }
        String split = Json.string(m, "split");
        if (!split.equals("fraction") && !split.equals("folders")) {
            throw new IllegalArgumentException("\"split\" must be fraction or folders, not " + split);
        }
        Resize resize;
        try {
            resize = Resize.parse(Json.string(m, "resize"));
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("\"resize\": " + e.getMessage());
        }
        if (!(m.get("skip_bad_images") instanceof Boolean skip)) {
            throw new IllegalArgumentException("\"skip_bad_images\" is missing or not true or false: "
                    + m.get("skip_bad_images"));
        }
        double fraction = Json.finite(m, "test_fraction");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("\"test_fraction\" is " + fraction + ", outside (0, 1)");
        }
        long seed = Json.whole(m, "split_seed", Long.MIN_VALUE, Long.MAX_VALUE);
        List<String> classes = classNames(Json.asArray(m.get("classes"), "\"classes\""), "\"classes\"");
        Map<String, Object> test = Json.asObject(m.get("test_set"), "\"test_set\"");
        int images;
        String sha;
        try {
            images = (int) Json.whole(test, "images", 0, Integer.MAX_VALUE);
            sha = Json.string(test, "sha256");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"test_set\": " + e.getMessage(), e);
        }
        if (!SHA256.matcher(sha).matches()) {
            throw new IllegalArgumentException("\"test_set\": \"sha256\" is not 64 hex digits: " + sha);
        }
        ImageFolders.Options options = ImageFolders.Options.defaults().withResize(resize).withSkipBadImages(skip)
                .withTestFraction(fraction).withSeed(seed);
        return new ImageFolderRun(folder, options, split.equals("fraction"), classes, images, sha);
    }

    /**
     * Class names as a run records them: the names of class folders (none empty, none with a path
     * separator, none hidden), distinct and in sorted order, as {@link ImageFolders} reads them;
     * {@code what} names an entry for messages.
     */
    private static List<String> classNames(List<Object> entries, String what) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(what + " names no class");
        }
        List<String> names = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof String name) || name.isEmpty() || name.startsWith(".") || name.contains("/")
                    || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + ": " + entry + " is not the name of a class folder");
            }
            if (!names.isEmpty() && names.get(names.size() - 1).compareTo(name) >= 0) {
                throw new IllegalArgumentException(what + ": " + name + " is out of order or named twice (class"
                        + " names are the folders' names, sorted)");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Refuses {@code now}, the folder read again for this run, when it would not be the data the
     * run was trained and tested on.
     *
     * @param runDir the run directory, for the message
     * @throws InvalidInputException one line saying what changed and what to do
     */
    public void check(ImageFolders.Loaded now, Path runDir) {
        if (!now.classNames().equals(classNames)) {
            List<String> added = new ArrayList<>(now.classNames());
            added.removeAll(classNames);
            List<String> missing = new ArrayList<>(classNames);
            missing.removeAll(now.classNames());
            throw new InvalidInputException("the image folder " + now.dir() + " now has the classes "
                    + now.classNames() + " but the run in " + runDir + " was trained on " + classNames + " ("
                    + runDir.resolve(ImageFolders.CLASSES_FILE) + (added.isEmpty() ? "" : "; new: " + added)
                    + (missing.isEmpty() ? "" : "; gone: " + missing) + "), so its labels would name other"
                    + " classes. Restore the class folders as they were in training, or train a new run on"
                    + " the folder.");
        }
        if (!hasSettings()) {
            return;
        }
        if (now.splitByFraction() != splitByFraction) {
            throw new InvalidInputException("the image folder " + now.dir() + " is now read as " + now.layout()
                    + " but the run in " + runDir + " was " + (splitByFraction ? "split by fraction"
                    : "given train/ and test/ folders") + " (" + runDir.resolve(FILE) + "), so its test set"
                    + " could hold images the model trained on. Restore the folder's layout, or train a new run.");
        }
        String sha = identity((ImageFolderSet) now.splits().test(), now.dir());
        if (splitByFraction && !sha.equals(testSha256)) {
            int size = now.splits().test().size();
            throw new InvalidInputException("the test split of the image folder " + now.dir() + " is not the"
                    + " one the run in " + runDir + " was tested on (" + testImages + " images then, " + size
                    + " now, other files: images were added, removed or renamed since training), so it could"
                    + " hold images the model trained on. Restore the folder as it was, or evaluate on a"
                    + " separate folder laid out as train/ and test/.");
        }
    }

    /**
     * The identity of a set of image files: a SHA-256 over each file's path relative to {@code
     * root} ('/'-separated) and its label, in the set's order. Moving the folder keeps it; adding,
     * removing, renaming or relabelling a file changes it.
     */
    static String identity(ImageFolderSet set, Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < set.size(); i++) {
                Path file = set.files().get(i);
                String relative = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
                String line = relative.replace(file.getFileSystem().getSeparator(), "/") + "\t"
                        + set.labels()[i] + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
