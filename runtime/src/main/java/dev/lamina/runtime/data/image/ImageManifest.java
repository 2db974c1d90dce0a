package dev.lamina.runtime.data.image;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.DatasetException.Problem;
import dev.lamina.runtime.data.TargetSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV manifest of image files with targets, for multi-label and regression models
 * (docs/tasks.md):
 *
 * <pre>
 * file,labels                      labels: the example's labels joined by the separator (default |),
 * shoes/1.png,footwear             none for an empty set; the labels are every label named, sorted
 * shirts/7.png,upper-body|sleeves
 *
 * file,angle[,...]                 one column per target: a number each (multi-label: 0 or 1)
 * rotated/1.png,-12.5
 * </pre>
 *
 * <p>The first row is the header; its first column is {@code file}. Paths are relative to the
 * manifest's folder (an absolute path stays as it is). Every row is checked before training, and
 * every file decoded once ({@link ImageConversion}, in parallel): a row with the wrong number of
 * columns, an empty file name, a value that is not a finite number, or a file that is missing,
 * damaged or of the wrong size stops the load with a {@link DatasetException} naming its line, or,
 * with {@link ImageFolders.Options#skipBadImages}, is left out and listed in {@link
 * Loaded#skipped()}, as an image folder's bad files are. Only the file names and the targets are
 * kept in memory; the images are read again while training ({@link ImageFolderSet}).
 */
public final class ImageManifest {

    /** The default separator of the labels in a {@code file,labels} manifest. */
    public static final String DEFAULT_SEPARATOR = "|";

    private ImageManifest() {}

    /** A row left out, and why: its line number (1 is the header), its file if known, the problem. */
    public record BadRow(int line, Path file, Problem problem, String message) {}

    /**
     * A loaded manifest.
     *
     * @param splits train and test ({@link TargetSet}s of the manifest's images)
     * @param targetNames the labels (sorted) or the target columns, in target order
     * @param skipped what was left out (empty unless skipping)
     * @param manifest the file
     */
    public record Loaded(DataSplits splits, List<String> targetNames, List<BadRow> skipped, Path manifest) {}

    /**
     * Reads {@code manifest} for a model input of (channels, height, width), checking every row and
     * file, and splits a random {@code options.testFraction()} off as the test set (by its seed).
     *
     * @param separator between the labels of a {@code file,labels} manifest
     * @throws DatasetException naming the first bad row (unless skipping), or when none is left
     */
    public static Loaded load(Path manifest, int channels, int height, int width, ImageFolders.Options options,
                              String separator) {
        ImageConversion.checkShape(channels, height, width);
        if (separator == null || separator.isEmpty() || separator.equals(",")) {
            throw new InvalidInputException("the label separator must be a character other than the comma, got '"
                    + separator + "'");
        }
        List<String> lines = read(manifest);
        if (lines.isEmpty()) {
            throw new DatasetException(Problem.EMPTY, manifest, "is empty; a manifest starts with a header row such"
                    + " as 'file,labels' or 'file,angle'");
        }
        String[] header = lines.get(0).split(",", -1);
        if (!header[0].trim().equals("file") || header.length < 2) {
            throw new DatasetException(Problem.BAD_ROW, manifest, "line 1: the header is '" + lines.get(0)
                    + "', but a manifest's header is 'file,labels' or 'file,<target>[,<target>...]'");
        }
        boolean labelList = header.length == 2 && header[1].trim().equals("labels");
        Path base = manifest.toAbsolutePath().getParent();
        List<BadRow> bad = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        List<String[]> values = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                bad.add(new BadRow(number, null, Problem.BAD_ROW, "has " + cells.length + " column(s), but the header"
                        + " has " + header.length));
                continue;
            }
            String name = cells[0].trim();
            if (name.isEmpty()) {
                bad.add(new BadRow(number, null, Problem.BAD_ROW, "has no file name"));
                continue;
            }
            Path file = base.resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                bad.add(new BadRow(number, file, Problem.MISSING_FILE, Files.exists(file) ? "is not a file"
                        : "does not exist"));
                continue;
            }
            String problem = labelList ? null : numbers(cells, header);
            if (problem != null) {
                bad.add(new BadRow(number, file, Problem.BAD_ROW, problem));
                continue;
            }
            files.add(file);
            lineOf.add(number);
            values.add(cells);
        }
        Map<Path, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            rowOf.putIfAbsent(files.get(i), i);
        }
        java.util.Set<Integer> undecodable = new java.util.HashSet<>();
        for (ImageFolders.BadImage image : ImageFolders.checkFiles(files, channels, height, width, options)) {
            int row = rowOf.get(image.file());
            for (int i = row; i < files.size(); i++) {
                if (files.get(i).equals(image.file())) {
                    undecodable.add(i);
                    bad.add(new BadRow(lineOf.get(i), image.file(), image.problem(), image.message()));
                }
            }
        }
        bad.sort(java.util.Comparator.comparingInt(BadRow::line));
        if (!bad.isEmpty() && !options.skipBadImages()) {
            BadRow first = bad.get(0);
            throw new DatasetException(first.problem(), manifest, "line " + first.line() + (first.file() == null ? ""
                    : " (" + first.file() + ")") + ": " + first.message() + " (" + bad.size() + " bad row(s) in the"
                    + " manifest; fix them, or skip them: lamina train --skip-bad-images,"
                    + " ImageFolders.Options.withSkipBadImages(true))");
        }
        List<Path> kept = new ArrayList<>();
        List<String[]> keptValues = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!undecodable.contains(i)) {
                kept.add(files.get(i));
                keptValues.add(values.get(i));
            }
        }
        if (kept.isEmpty()) {
            throw new DatasetException(Problem.EMPTY, manifest, "holds no row with a readable image");
        }
        List<String> names = new ArrayList<>();
        float[] targets;
        if (labelList) {
            TreeSet<String> all = new TreeSet<>();
            for (String[] cells : keptValues) {
                all.addAll(labels(cells[1], separator));
            }
            if (all.isEmpty()) {
                throw new DatasetException(Problem.EMPTY, manifest, "names no label in any row; a multi-label"
                        + " manifest's 'labels' column lists each image's labels, joined by '" + separator + "'");
            }
            names.addAll(all);
            Map<String, Integer> index = new LinkedHashMap<>();
            names.forEach(n -> index.put(n, index.size()));
            targets = new float[kept.size() * names.size()];
            for (int i = 0; i < kept.size(); i++) {
                for (String label : labels(keptValues.get(i)[1], separator)) {
                    targets[i * names.size() + index.get(label)] = 1;
                }
            }
        } else {
            for (int j = 1; j < header.length; j++) {
                names.add(header[j].trim());
            }
            targets = new float[kept.size() * names.size()];
            for (int i = 0; i < kept.size(); i++) {
                for (int j = 0; j < names.size(); j++) {
                    targets[i * names.size() + j] = Float.parseFloat(keptValues.get(i)[j + 1].trim());
                }
            }
        }
        String name = "manifest " + manifest.getFileName();
        ImageFolderSet images = new ImageFolderSet(name, channels, height, width, List.of("(manifest)"), kept,
                new int[kept.size()], options.resize());
        TargetSet all = new TargetSet(images, names, targets);
        DataSplits splits = DataSplits.splitTest(all, options.testFraction(), options.seed());
        return new Loaded(splits, List.copyOf(names), List.copyOf(bad), manifest);
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static List<String> labels(String cell, String separator) {
        List<String> out = new ArrayList<>();
        for (String label : cell.split(Pattern.quote(separator), -1)) {
            String trimmed = SPACES.matcher(label.trim()).replaceAll(" ");
            if (!trimmed.isEmpty() && !out.contains(trimmed)) {
                out.add(trimmed);
            }
        }
        return out;
    }

    /** Why a row's target cells are not all finite numbers, or {@code null}. */
    private static String numbers(String[] cells, String[] header) {
        for (int j = 1; j < cells.length; j++) {
            try {
                float v = Float.parseFloat(cells[j].trim());
                if (!Float.isFinite(v)) {
                    return "its '" + header[j].trim() + "' is " + cells[j].trim() + ", not a finite number";
                }
            } catch (NumberFormatException e) {
                return "its '" + header[j].trim() + "' is '" + cells[j].trim() + "', not a number";
            }
        }
        return null;
    }

    private static List<String> read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new DatasetException(Problem.MISSING_FILE, manifest, Files.exists(manifest) ? "is not a file;"
                    + " a manifest is a CSV file" : "does not exist");
        }
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
            return lines;
        } catch (IOException e) {
            throw new DatasetException(Problem.IO, manifest, "cannot be read: " + e.getMessage(), e);
        }
    }
}
