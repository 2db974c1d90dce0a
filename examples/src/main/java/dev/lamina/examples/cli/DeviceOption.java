package dev.lamina.examples.cli;

import dev.lamina.runtime.device.DeviceChoice;
import picocli.CommandLine.Option;

/** {@code --device}, shared by the commands that train or evaluate. */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "auto (GPU when DJL sees one, else CPU), cpu, gpu or gpu:N.")
    String device;

    /** The text as given. */
    String device() {
        return device;
    }

    /**
     * The parsed choice.
     *
     * @throws dev.lamina.runtime.InvalidInputException saying which forms are accepted
     */
    DeviceChoice choice() {
        return DeviceChoice.parse(device);
    }
}
