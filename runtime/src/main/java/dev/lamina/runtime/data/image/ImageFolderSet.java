package dev.lamina.runtime.data.image;

import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Image files with labels, decoded on demand: {@link #read} converts one file with {@link
 * ImageConversion} into the model's (C, H, W). Only the file list and the labels are held in
 * memory, so the set's size is bounded by the disk, not the heap. Built by {@link ImageFolders}.
 *
 * @param name what it is, for messages
 * @param channels C
 * @param height H
 * @param width W
 * @param classNames the class of each label, sorted (label i is {@code classNames.get(i)})
 * @param files one image file per example
 * @param labels one label per example
 * @param resize how an image of another size than H x W is treated
 */
public record ImageFolderSet(String name, int channels, int height, int width, List<String> classNames,
                             List<Path> files, int[] labels, Resize resize) implements ExampleSet {

    public ImageFolderSet {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        files = List.copyOf(files);
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(name + ": " + files.size() + " files but " + labels.length
                    + " labels");
        }
    }

    @Override
    public int classes() {
        return classNames.size();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int read(int index, float[] dst, int offset) {
        float[] x = ImageConversion.toChw(files.get(index), channels, height, width, resize);
        System.arraycopy(x, 0, dst, offset, x.length);
        return labels[index];
    }

    @Override
    public ImageFolderSet select(String newName, int[] indices) {
        Path[] picked = new Path[indices.length];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = files.get(indices[i]);
            pickedLabels[i] = labels[indices[i]];
        }
        return new ImageFolderSet(newName, channels, height, width, classNames, Arrays.asList(picked),
                pickedLabels, resize);
    }

    @Override
    public ImageFolderSet subset(int n, long seed) {
        return (ImageFolderSet) ExampleSet.super.subset(n, seed);
    }

    /**
     * File names and labels (not the pixels: reading them all would defeat streaming); each file as
     * its class folder and name, so the same folder named relatively in one run and absolutely in
     * the next (as {@code lamina train --resume} does from the run's record), or moved elsewhere,
     * is the same data.
     */
    @Override
    public String fingerprint() {
        int checksum = 31 * Arrays.hashCode(labels) + files.stream()
                .map(f -> f.getParent() == null ? String.valueOf(f.getFileName())
                        : f.getParent().getFileName() + "/" + f.getFileName())
                .toList().hashCode();
        return String.format(Locale.ROOT, "'%s' (%d image files as %dx%dx%d, resize %s, %d classes, checksum %08x)",
                name, size(), channels, height, width, resize.name().toLowerCase(Locale.ROOT), classes(), checksum);
    }
}
