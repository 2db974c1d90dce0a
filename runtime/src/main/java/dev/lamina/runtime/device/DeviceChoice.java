package dev.lamina.runtime.device;

import dev.lamina.runtime.InvalidInputException;
import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user asked to train on, before looking at the machine.
 *
 * <ul>
 *   <li>{@code auto}: every GPU DJL sees (data-parallel), else the CPU;
 *   <li>{@code cpu}: the CPU;
 *   <li>{@code gpu}: every GPU DJL sees; an error if there is none;
 *   <li>{@code gpu:N}: GPU number N; an error if DJL does not see it.
 * </ul>
 *
 * A GPU that was asked for and is not there is always an error naming what was found, never a
 * silent fallback to the CPU.
 *
 * @param kind which of the four forms
 * @param gpuIndex N for {@code gpu:N}, else -1
 */
public record DeviceChoice(Kind kind, int gpuIndex) {

    /** The forms {@link #parse(String)} accepts. */
    public enum Kind { AUTO, CPU, ALL_GPUS, ONE_GPU }

    /** {@code auto}. */
    public static DeviceChoice auto() {
        return new DeviceChoice(Kind.AUTO, -1);
    }

    /** {@code cpu}. */
    public static DeviceChoice cpu() {
        return new DeviceChoice(Kind.CPU, -1);
    }

    /**
     * Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (case-insensitive).
     *
     * @throws InvalidInputException saying which forms are accepted
     */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "auto": return auto();
            case "cpu": return cpu();
            case "gpu": case "cuda": return new DeviceChoice(Kind.ALL_GPUS, -1);
            default: break;
        }
        if (t.startsWith("gpu:") || t.startsWith("cuda:")) {
            String n = t.substring(t.indexOf(':') + 1);
            try {
                int index = Integer.parseInt(n);
                if (index >= 0) {
                    return new DeviceChoice(Kind.ONE_GPU, index);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidInputException("device '" + text
                + "' is not one of: auto, cpu, gpu (all GPUs), gpu:N (GPU number N, from 0)");
    }

    /** Resolves against the GPUs DJL's default engine sees. */
    public DeviceSelection resolve() {
        Engine engine = Engine.getInstance();
        return resolve(engine.getGpuCount(), engine.getEngineName() + " " + engine.getVersion());
    }

    /**
     * Resolves against a machine with {@code gpuCount} GPUs.
     *
     * @param engine the engine's name and version, for messages
     * @throws DeviceUnavailableException when a GPU is asked for and not there
     */
    public DeviceSelection resolve(int gpuCount, String engine) {
        switch (kind) {
            case CPU:
                return new DeviceSelection(List.of(Device.cpu()), "cpu: asked for with --device cpu");
            case AUTO:
                if (gpuCount > 0) {
                    return new DeviceSelection(gpus(gpuCount), "auto: " + engine + " sees " + gpuCount
                            + " GPU(s), training data-parallel on all of them");
                }
                return new DeviceSelection(List.of(Device.cpu()), "auto: " + engine
                        + " sees no GPU, using the CPU (see docs/gpu.md to use a CUDA GPU)");
            case ALL_GPUS:
                if (gpuCount == 0) {
                    throw new DeviceUnavailableException(noGpu("gpu", engine));
                }
                return new DeviceSelection(gpus(gpuCount), "gpu: " + engine + " sees " + gpuCount + " GPU(s)");
            case ONE_GPU:
                if (gpuIndex >= gpuCount) {
                    throw new DeviceUnavailableException(gpuCount == 0 ? noGpu("gpu:" + gpuIndex, engine)
                            : "device 'gpu:" + gpuIndex + "' was asked for but " + engine + " sees only "
                            + gpuCount + " GPU(s): gpu:0 to gpu:" + (gpuCount - 1)
                            + ". Choose one of those, or --device gpu for all of them.");
                }
                return new DeviceSelection(List.of(Device.gpu(gpuIndex)), "gpu:" + gpuIndex + ": asked for");
            default:
                throw new AssertionError(kind);
        }
    }

    /** {@code asked} is the device as the user wrote it ({@code gpu}, {@code gpu:1}). */
    private static String noGpu(String asked, String engine) {
        return "device '" + asked + "' was asked for but " + engine + " sees no GPU (found: cpu only). "
                + "DJL uses a GPU only with a CUDA libtorch and libcudart on LD_LIBRARY_PATH; "
                + "see docs/gpu.md, or train with --device cpu.";
    }

    private static List<Device> gpus(int count) {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            devices.add(Device.gpu(i));
        }
        return devices;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case ALL_GPUS -> "gpu";
            case ONE_GPU -> "gpu:" + gpuIndex;
        };
    }
}
