package dev.lamina.runtime.data.image;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

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
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("data", data.toString());
        json.addProperty("split", splitByFraction ? "fraction" : "folders");
        json.addProperty("resize", options.resize().name().toLowerCase(Locale.ROOT));
        json.addProperty("skip_bad_images", options.skipBadImages());
        json.addProperty("test_fraction", options.testFraction());
        json.addProperty("split_seed", options.seed());
        JsonArray classes = new JsonArray();
        classNames.forEach(classes::add);
        json.add("classes", classes);
        JsonObject test = new JsonObject();
        test.addProperty("images", testImages);
        test.addProperty("sha256", testSha256);
        json.add("test_set", test);
        AtomicFiles.writeString(runDir.resolve(FILE), GSON.toJson(json) + "\n");
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
            if (Files.isRegularFile(file)) {
                return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            if (Files.isRegularFile(classesFile)) {
                List<String> classes = Files.readAllLines(classesFile, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isEmpty()).toList();
                return Optional.of(new ImageFolderRun(null, null, false, classes, -1, null));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new InvalidInputException(file + " cannot be read (" + e.getMessage() + "); it is written by"
                    + " `lamina train --dataset folder`, restore it from the run");
        }
    }

    private static ImageFolderRun parse(String text) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        String format = json.get("format").getAsString();
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown format " + format + ", this Lamina reads " + FORMAT);
        }
        ImageFolders.Options options = ImageFolders.Options.defaults()
                .withResize(Resize.parse(json.get("resize").getAsString()))
                .withSkipBadImages(json.get("skip_bad_images").getAsBoolean())
                .withTestFraction(json.get("test_fraction").getAsDouble())
                .withSeed(json.get("split_seed").getAsLong());
        List<String> classes = new ArrayList<>();
        for (JsonElement c : json.getAsJsonArray("classes")) {
            classes.add(c.getAsString());
        }
        JsonObject test = json.getAsJsonObject("test_set");
        return new ImageFolderRun(Path.of(json.get("data").getAsString()), options,
                "fraction".equals(json.get("split").getAsString()), classes, test.get("images").getAsInt(),
                test.get("sha256").getAsString());
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
