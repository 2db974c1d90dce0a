package dev.lamina.runtime.data.image;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an image-folder dataset, the layout of torchvision's {@code ImageFolder}, Keras' {@code
 * image_dataset_from_directory} and DJL's {@code ImageFolder}:
 *
 * <pre>
 * DIR/&lt;class&gt;/&lt;image files&gt;                       one set, split by Options.testFraction
 * DIR/train/&lt;class&gt;/...  DIR/test/&lt;class&gt;/...     given splits ("val" instead of "test" works too;
 *                                                 with train, val and test, val is the validation set)
 * </pre>
 *
 * <p>Classes are the sub-folders of DIR (or DIR/train) in sorted order: label i is the i-th name.
 * Files inside a class folder (and its sub-folders) are its examples; names starting with a dot
 * are ignored. Every file is decoded once before training ({@link ImageConversion}, in parallel),
 * so a damaged, non-image, unreadable or wrongly sized file, or an empty class folder, stops the
 * load with a {@link DatasetException} naming it, or, with {@link Options#skipBadImages}, is left
 * out and listed in {@link Loaded#skipped()}. The images themselves are not kept: the sets read
 * them again while training ({@link ImageFolderSet}).
 *
 * <pre>{@code
 * ImageFolders.Loaded data = ImageFolders.load(Path.of("photos"), 3, 64, 64,
 *         ImageFolders.Options.defaults().withResize(Resize.STRETCH));
 * new Trainer(config).fit(MyNet.newBlock(), MyNet.inputShape(), data.splits().train(), data.splits().test());
 * }</pre>
 */
public final class ImageFolders {

    /** File written to a run directory: the class names, one per line, in label order. */
    public static final String CLASSES_FILE = "classes.txt";
    /**
     * File written to a run directory when files were skipped: one "file TAB problem" line each, both
     * fields escaped as in a Java string literal ({@code \\}, {@code \t}, {@code \n}, {@code \r},
     * <code>&#92;uXXXX</code>; {@link #unescapeField}), so a name with a tab or a line break stays one line.
     */
    public static final String SKIPPED_FILE = "skipped-images.txt";

    private ImageFolders() {}

    /**
     * How a folder is read.
     *
     * @param resize how an image of another size than the model's is treated
     * @param skipBadImages leave out bad files and empty classes (listed in {@link Loaded#skipped()})
     *     instead of stopping
     * @param testFraction share of each class tested on when the folder has no test (or val) folder
     * @param seed fixes that split
     * @param threads decoders used to check the files
     */
    public record Options(Resize resize, boolean skipBadImages, double testFraction, long seed, int threads) {

        public Options {
            if (resize == null) {
                resize = Resize.NONE;
            }
            if (threads <= 0) {
                throw new InvalidInputException("threads must be positive, got " + threads);
            }
        }

        /** No resizing, stop at the first bad file, 20% test split with seed 42, a thread per core. */
        public static Options defaults() {
            return new Options(Resize.NONE, false, 0.2, 42, Runtime.getRuntime().availableProcessors());
        }

        public Options withResize(Resize value) {
            return new Options(value, skipBadImages, testFraction, seed, threads);
        }

        public Options withSkipBadImages(boolean value) {
            return new Options(resize, value, testFraction, seed, threads);
        }

        public Options withTestFraction(double value) {
            return new Options(resize, skipBadImages, value, seed, threads);
        }

        public Options withSeed(long value) {
            return new Options(resize, skipBadImages, testFraction, value, threads);
        }
    }

    /** A file (or class folder) left out, and why. */
    public record BadImage(Path file, DatasetException.Problem problem, String message) {}

    /**
     * A loaded folder.
     *
     * @param splits train, validation (only with a val folder next to train and test) and test
     * @param classNames label i is {@code classNames.get(i)}; sorted
     * @param skipped what was left out (empty unless {@link Options#skipBadImages})
     * @param layout how the folder was read, for messages (e.g. "train/ and test/ folders")
     * @param dir the folder
     * @param options how it was read
     * @param splitByFraction whether the test set was split off by {@link Options#testFraction}
     *     (else it is the folder's test/ or val/ folder)
     */
    public record Loaded(DataSplits splits, List<String> classNames, List<BadImage> skipped, String layout,
                         Path dir, Options options, boolean splitByFraction) {

        /**
         * Writes {@link #CLASSES_FILE}, {@value ImageFolderRun#FILE} (the folder, the options and
         * the test set's identity, {@link ImageFolderRun}) and, when files were skipped, {@link
         * #SKIPPED_FILE} into a run directory, so the labels of a trained model can be named later
         * and evaluating it reads the folder as training did.
         */
        public void writeRunFiles(Path runDir) {
            try {
                Files.createDirectories(runDir);
                ImageFolderRun.of(this).write(runDir);
                if (!skipped.isEmpty()) {
                    AtomicFiles.writeString(runDir.resolve(SKIPPED_FILE), skipped.stream()
                            .map(b -> escapeField(b.file().toString()) + "\t" + escapeField(b.message()))
                            .collect(Collectors.joining("\n", "", "\n")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the class names to " + runDir + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@link #load(Path, int, int, int, Options)} with {@link Options#defaults()}. */
    public static Loaded load(Path dir, int channels, int height, int width) {
        return load(dir, channels, height, width, Options.defaults());
    }

    /**
     * Reads the folder for a model input of (channels, height, width), checking every file.
     *
     * @throws DatasetException naming the first bad file or folder (unless skipping), or when the
     *     folder has no class folders
     * @throws InvalidInputException when the channels are not 1 or 3, or the test fraction is out
     *     of range
     */
    public static Loaded load(Path dir, int channels, int height, int width, Options options) {
        ImageConversion.checkShape(channels, height, width);
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(Problem.MISSING_FILE, dir, Files.exists(dir) ? "is not a directory;"
                    + " an image folder is DIR/<class>/<image files>" : "does not exist; an image folder is"
                    + " DIR/<class>/<image files>");
        }
        Path train = dir.resolve("train");
        Path test = Files.isDirectory(dir.resolve("test")) ? dir.resolve("test") : dir.resolve("val");
        Path validation = Files.isDirectory(dir.resolve("test")) && Files.isDirectory(dir.resolve("val"))
                ? dir.resolve("val") : null;
        boolean given = Files.isDirectory(train) && Files.isDirectory(test);
        Path root = given ? train : Files.isDirectory(train) ? train : dir;
        List<String> folders = classFolders(root);
        List<BadImage> bad = new ArrayList<>();
        List<Scanned> trainFiles = scan(root, folders, bad);
        List<Scanned> testFiles = given ? scan(test, folders, bad) : List.of();
        List<Scanned> valFiles = validation != null ? scan(validation, folders, bad) : List.of();
        int emptyFolders = (int) bad.stream().filter(b -> b.problem() == Problem.EMPTY_CLASS).count();
        int unlisted = bad.size() - emptyFolders; // folders and links that cannot be listed

        List<Scanned> all = new ArrayList<>(trainFiles);
        all.addAll(testFiles);
        all.addAll(valFiles);
        List<BadImage> undecodable = check(all, channels, height, width, options);
        bad.addAll(undecodable);
        Set<Path> badFiles = undecodable.stream().map(BadImage::file).collect(Collectors.toSet());
        bad.sort(Comparator.comparing(b -> b.file().toString()));
        // a class whose images are all bad is as empty as one without files; these follow the
        // files that caused them, so the first message names a cause
        List<String> classes = new ArrayList<>();
        for (String folder : folders) {
            boolean any = trainFiles.stream().anyMatch(s -> s.folder().equals(folder) && !badFiles.contains(s.file()));
            if (any) {
                classes.add(folder);
            } else if (trainFiles.stream().anyMatch(s -> s.folder().equals(folder))) {
                bad.add(new BadImage(root.resolve(folder), Problem.EMPTY_CLASS, "class folder '" + folder
                        + "' has no readable image left"));
            }
        }
        int orphans = 0;
        for (Scanned s : testFiles.isEmpty() && valFiles.isEmpty() ? List.<Scanned>of() : all.subList(trainFiles.size(), all.size())) {
            if (!classes.contains(s.folder()) && !badFiles.contains(s.file())) {
                bad.add(new BadImage(s.file(), Problem.EMPTY_CLASS, "its class '" + s.folder()
                        + "' has no readable training image"));
                orphans++;
            }
        }
        // skipping is offered only where it leaves something to train on (issue 21.24: following
        // the hint led to "holds no class folder with a readable image")
        if (!bad.isEmpty() && (!options.skipBadImages() || classes.isEmpty())) {
            BadImage first = bad.get(0);
            Set<Path> ofAnotherSize = undecodable.stream().filter(b -> b.problem() == Problem.IMAGE_SIZE)
                    .map(BadImage::file).collect(Collectors.toSet());
            boolean resizingLeavesImages = trainFiles.stream()
                    .anyMatch(s -> !badFiles.contains(s.file()) || ofAnotherSize.contains(s.file()));
            String counts = badCounts(dir, all.size(), badFiles.size(), ofAnotherSize.size(), emptyFolders, unlisted,
                    orphans);
            String hint;
            if (!classes.isEmpty()) {
                hint = "fix them, or skip them: lamina train --skip-bad-images, ImageFolders.Options.withSkipBadImages(true)"
                        + (ofAnotherSize.isEmpty() ? "" : "; or resize those: --resize stretch or --resize crop");
            } else if (!ofAnotherSize.isEmpty() && resizingLeavesImages) {
                hint = "skipping them would leave no image to train on: resize them with --resize stretch or --resize"
                        + " crop (ImageFolders.Options.withResize)"
                        + (badFiles.size() + emptyFolders + unlisted + orphans > ofAnotherSize.size()
                                ? ", and skip the others (--skip-bad-images)" : "");
            } else {
                hint = "skipping them would leave no image to train on: fix them";
            }
            throw new DatasetException(first.problem(), first.file(), first.message() + " (" + counts + "; " + hint + ")");
        }
        if (classes.isEmpty()) {
            throw new DatasetException(Problem.EMPTY, dir, "holds no class folder with a readable image;"
                    + " an image folder is DIR/<class>/<image files>");
        }
        String name = "folder " + dir.toAbsolutePath().normalize().getFileName();
        ImageFolderSet trainSet = set(name + (given ? " train" : ""), trainFiles, badFiles, classes, channels,
                height, width, options.resize());
        DataSplits splits;
        String layout;
        if (given) {
            ImageFolderSet testSet = set(name + " " + test.getFileName(), testFiles, badFiles, classes, channels,
                    height, width, options.resize());
            ImageFolderSet valSet = validation == null ? null : set(name + " val", valFiles, badFiles, classes,
                    channels, height, width, options.resize());
            splits = new DataSplits(trainSet, valSet, testSet);
            layout = "train/ and " + test.getFileName() + "/ folders" + (validation != null ? " (val/ validates)" : "");
        } else {
            splits = DataSplits.splitTest(trainSet, options.testFraction(), options.seed());
            layout = "one folder per class, " + Math.round(100 * options.testFraction())
                    + "% of each class tested on (seed " + options.seed() + ")";
        }
        return new Loaded(splits, classes, List.copyOf(bad), layout, dir, options, !given);
    }

    /**
     * How much of the folder is bad, each file counted once (a class folder that bad files leave
     * empty is not counted again): e.g. {@code 375 of the 375 files in DIR are bad, 375 of them of
     * another size}.
     */
    private static String badCounts(Path dir, int files, int badFiles, int ofAnotherSize, int emptyFolders,
                                    int unlisted, int orphans) {
        List<String> parts = new ArrayList<>();
        String where = " in " + dir;
        if (badFiles > 0) {
            parts.add(badFiles + " of the " + files + " files" + where + " are bad"
                    + (ofAnotherSize > 0 ? ", " + ofAnotherSize + " of them of another size" : ""));
            where = "";
        }
        if (emptyFolders > 0) {
            parts.add(emptyFolders + (emptyFolders == 1 ? " class folder" + where + " holds" : " class folders" + where
                    + " hold") + " no image files");
            where = "";
        }
        if (unlisted > 0) {
            parts.add(unlisted + (unlisted == 1 ? " folder or link" + where + " cannot be listed" : " folders or links"
                    + where + " cannot be listed"));
            where = "";
        }
        if (orphans > 0) {
            parts.add(orphans + (orphans == 1 ? " test file" : " test files") + where
                    + " of a class without a readable training image");
        }
        return String.join(", ", parts);
    }

    /** One file found in a class folder. */
    private record Scanned(Path file, String folder) {}

    private static List<String> classFolders(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            if (names.isEmpty()) {
                throw new DatasetException(Problem.MISSING_FILE, root, "holds no class folders; an image folder"
                        + " is DIR/<class>/<image files> (or DIR/train/<class>/... with DIR/test/<class>/...)");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, root, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** The files of each class folder under {@code root}, sorted; empty folders become bad entries. */
    private static List<Scanned> scan(Path root, List<String> classes, List<BadImage> bad) {
        List<Scanned> found = new ArrayList<>();
        for (String folder : classFolders(root)) {
            Path classDir = root.resolve(folder);
            if (!classes.contains(folder)) {
                throw new DatasetException(Problem.MISSING_FILE, classDir, "is a class folder that the training"
                        + " folder does not have (its classes: " + String.join(", ", classes) + "); rename or"
                        + " remove it, or add the class to the training folder");
            }
            List<Path> files = new ArrayList<>();
            boolean listed = walk(classDir, files, bad);
            if (listed && files.isEmpty()) {
                bad.add(new BadImage(classDir, Problem.EMPTY_CLASS, "class folder '" + folder
                        + "' holds no image files; add images or remove the folder"));
            }
            files.sort(Comparator.naturalOrder());
            files.forEach(f -> found.add(new Scanned(f, folder)));
        }
        return found;
    }

    /**
     * Adds the files under {@code classDir} (links followed, names starting with a dot left out) to
     * {@code files}. What cannot be listed, a folder without read permission or a link that loops
     * back to a folder above it, is a bad entry of its own (issue 21.25: it stopped the load even
     * with {@link Options#skipBadImages}); false when {@code classDir} itself cannot be listed.
     */
    private static boolean walk(Path classDir, List<Path> files, List<BadImage> bad) {
        boolean[] listed = {true};
        try {
            Files.walkFileTree(classDir, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                            return !d.equals(classDir) && d.getFileName().toString().startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attributes) {
                            if (!f.getFileName().toString().startsWith(".")) {
                                files.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            if (f.getFileName().toString().startsWith(".")) {
                                return FileVisitResult.CONTINUE;
                            }
                            listed[0] &= !f.equals(classDir);
                            bad.add(new BadImage(f, Problem.IO, e instanceof FileSystemLoopException
                                    ? "is a symbolic link to a folder above it (a loop); remove the link"
                                    : "cannot be listed: " + reason(e) + "; make it readable, or remove it"));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path d, IOException e) {
                            return e == null ? FileVisitResult.CONTINUE : visitFileFailed(d, e);
                        }
                    });
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, classDir, "cannot be listed: " + reason(e), e);
        }
        return listed[0];
    }

    /** What went wrong, for a message: "Permission denied" for an access error (its message is the path). */
    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A file name or message as one field of {@link #SKIPPED_FILE}: a backslash becomes {@code \\},
     * a tab {@code \t}, a line feed {@code \n}, a carriage return {@code \r} and any other control
     * character <code>&#92;uXXXX</code>, as in a Java string literal, so each entry stays one
     * {@code file<TAB>problem} line and {@link #unescapeField} gives the name back exactly.
     */
    static String escapeField(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The text {@link #escapeField} escaped. */
    public static String unescapeField(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 5 > field.length()) {
                        throw new IllegalArgumentException("a \\u escape needs 4 hex digits: " + field);
                    }
                    out.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Decodes every file once, in parallel ({@link ImageManifest} checks its files so too); the failures, in file order. */
    static List<BadImage> checkFiles(List<Path> files, int c, int h, int w, Options options) {
        return check(files.stream().map(f -> new Scanned(f, "")).toList(), c, h, w, options);
    }

    /** Decodes every file once, in parallel; the failures, in file order. */
    private static List<BadImage> check(List<Scanned> files, int c, int h, int w, Options options) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "lamina-image-check");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunk = Math.max(1, files.size() / (options.threads() * 8));
            List<Future<List<BadImage>>> parts = new ArrayList<>();
            for (int from = 0; from < files.size(); from += chunk) {
                List<Scanned> slice = files.subList(from, Math.min(files.size(), from + chunk));
                parts.add(pool.submit(() -> {
                    List<BadImage> failures = new ArrayList<>();
                    for (Scanned s : slice) {
                        try {
                            ImageConversion.toChw(s.file(), c, h, w, options.resize());
                        } catch (DatasetException e) {
                            String message = e.getMessage().startsWith(s.file() + ": ")
                                    ? e.getMessage().substring(s.file().toString().length() + 2) : e.getMessage();
                            failures.add(new BadImage(s.file(), e.problem(), message));
                        }
                    }
                    return failures;
                }));
            }
            List<BadImage> failures = new ArrayList<>();
            for (Future<List<BadImage>> part : parts) {
                failures.addAll(part.get());
            }
            return failures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(Problem.IO, null, "interrupted while checking the image files", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ImageFolderSet set(String name, List<Scanned> files, Set<Path> skip, List<String> classes,
                                      int c, int h, int w, Resize resize) {
        List<Path> kept = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Scanned s : files) {
            int label = classes.indexOf(s.folder());
            if (label >= 0 && !skip.contains(s.file())) {
                kept.add(s.file());
                labels.add(label);
            }
        }
        return new ImageFolderSet(name, c, h, w, classes, kept, labels.stream().mapToInt(Integer::intValue).toArray(),
                resize);
    }
}
