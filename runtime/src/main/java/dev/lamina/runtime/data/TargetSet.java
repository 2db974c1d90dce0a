package dev.lamina.runtime.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Examples with float targets (multi-label: 0 or 1 per label; regression: measured values): the
 * inputs come from another set ({@code inputs}, e.g. the image files of a manifest, read on
 * demand), the targets are held in memory, {@code targetNames.size()} per example. The inputs'
 * labels are ignored (one class), so splits and subsets are plain random ones.
 *
 * @param inputs what each example's values are read from, in the same order as the targets
 * @param targetNames the name of each target (a label, or a measured value)
 * @param targets {@code inputs.size() * targetNames.size()} values, row by row
 */
public record TargetSet(ExampleSet inputs, List<String> targetNames, float[] targets) implements ExampleSet {

    public TargetSet {
        Objects.requireNonNull(inputs, "inputs");
        targetNames = List.copyOf(targetNames);
        if (targetNames.isEmpty() || (long) inputs.size() * targetNames.size() != targets.length) {
            throw new IllegalArgumentException(inputs.name() + ": " + inputs.size() + " examples of "
                    + targetNames.size() + " targets, but " + targets.length + " values");
        }
    }

    @Override
    public String name() {
        return inputs.name();
    }

    @Override
    public int channels() {
        return inputs.channels();
    }

    @Override
    public int height() {
        return inputs.height();
    }

    @Override
    public int width() {
        return inputs.width();
    }

    /** One: the examples have targets, not classes. */
    @Override
    public int classes() {
        return 1;
    }

    @Override
    public int size() {
        return inputs.size();
    }

    @Override
    public int read(int index, float[] dst, int offset) {
        inputs.read(index, dst, offset);
        return 0;
    }

    @Override
    public int targetWidth() {
        return targetNames.size();
    }

    @Override
    public List<String> targetNames() {
        return targetNames;
    }

    @Override
    public void readTargets(int index, float[] dst, int offset) {
        System.arraycopy(targets, index * targetWidth(), dst, offset, targetWidth());
    }

    @Override
    public float[] targets() {
        return targets.clone();
    }

    /** All zeros: one stratum, so a stratified split is a random one. */
    @Override
    public int[] labels() {
        return new int[size()];
    }

    @Override
    public TargetSet select(String newName, int[] indices) {
        int width = targetWidth();
        float[] picked = new float[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(targets, indices[i] * width, picked, i * width, width);
        }
        return new TargetSet(inputs.select(newName, indices), targetNames, picked);
    }

    @Override
    public String fingerprint() {
        return String.format(Locale.ROOT, "%s with %d targets %s (checksum %08x)", inputs.fingerprint(), targetWidth(),
                targetNames, Arrays.hashCode(targets));
    }
}
