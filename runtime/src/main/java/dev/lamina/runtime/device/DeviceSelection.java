package dev.lamina.runtime.device;

import ai.djl.Device;
import java.util.Arrays;
import java.util.List;

/**
 * The devices a run trains on (more than one: data-parallel, each batch split across them) and
 * why they were chosen, for the log.
 *
 * @param devices at least one; the first holds the parameters and sums the gradients
 * @param reason one sentence saying why, e.g. {@code "auto: DJL sees 2 GPU(s)"}
 */
public record DeviceSelection(List<Device> devices, String reason) {

    public DeviceSelection {
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("a device selection needs at least one device");
        }
    }

    /** The device that holds the parameters. */
    public Device primary() {
        return devices.get(0);
    }

    /** The devices as the array DJL's {@code optDevices} takes. */
    public Device[] toArray() {
        return devices.toArray(Device[]::new);
    }

    /** E.g. {@code "gpu(0), gpu(1)"}. */
    public String describe() {
        return String.join(", ", Arrays.stream(toArray()).map(Device::toString).toList());
    }
}
