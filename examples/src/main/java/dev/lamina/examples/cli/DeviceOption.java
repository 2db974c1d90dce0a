package dev.lamina.examples.cli;

import picocli.CommandLine.Option;

/** {@code --device}, shared by the commands that train. */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "auto (GPU when DJL sees one, else CPU), cpu, gpu or gpu:N"
                    + " (default: ${DEFAULT-VALUE}).")
    String device;

    String device() {
        return device;
    }
}
