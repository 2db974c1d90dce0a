package dev.lamina.runtime.device;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Checks that a block's parameters live on the device training was meant to use. DJL can quietly
 * stay on the CPU when it does not find libcudart, so the trainer calls this after the first step.
 */
public final class DevicePlacement {

    private DevicePlacement() {}

    /**
     * @throws DeviceUnavailableException naming the first parameter found elsewhere
     */
    public static void verify(Block block, Device expected) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().isInitialized() ? p.getValue().getArray() : null;
            if (array != null && !array.getDevice().equals(expected)) {
                throw new DeviceUnavailableException("training was meant to run on " + expected
                        + " but parameter '" + p.getKey() + "' lives on " + array.getDevice()
                        + " after the first step. DJL probably did not load a CUDA libtorch or did not "
                        + "find libcudart; put its directory on LD_LIBRARY_PATH (see docs/gpu.md).");
            }
        }
    }
}
