package dev.lamina.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.lamina.runtime.train.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void parsesTheFourForms() {
        assertEquals(DeviceChoice.auto(), DeviceChoice.parse("auto"));
        assertEquals(DeviceChoice.cpu(), DeviceChoice.parse(" CPU "));
        assertEquals(DeviceChoice.Kind.ALL_GPUS, DeviceChoice.parse("gpu").kind());
        assertEquals(new DeviceChoice(DeviceChoice.Kind.ONE_GPU, 1), DeviceChoice.parse("gpu:1"));
        assertEquals("gpu:1", DeviceChoice.parse("gpu:1").toString());
    }

    @Test
    void rejectsOtherTextListingTheAcceptedForms() {
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(bad));
            assertTrue(e.getMessage().contains("is not one of: auto, cpu, gpu (all GPUs), gpu:N"), e.getMessage());
        }
    }

    @Test
    void autoTakesEveryGpuOrTheCpuAndSaysWhy() {
        DeviceSelection twoGpus = DeviceChoice.auto().resolve(2, "PyTorch 2.7.1");
        assertEquals(List.of(Device.gpu(0), Device.gpu(1)), twoGpus.devices());
        assertTrue(twoGpus.reason().contains("sees 2 GPU(s)"), twoGpus.reason());

        DeviceSelection none = DeviceChoice.auto().resolve(0, "PyTorch 2.7.1");
        assertEquals(List.of(Device.cpu()), none.devices());
        assertTrue(none.reason().contains("sees no GPU, using the CPU"), none.reason());
    }

    @Test
    void aGpuThatIsNotThereIsAnErrorNamingWhatWasFound() {
        DeviceUnavailableException none = assertThrows(DeviceUnavailableException.class,
                () -> DeviceChoice.parse("gpu").resolve(0, "PyTorch 2.7.1"));
        assertTrue(none.getMessage().startsWith("device 'gpu' was asked for but PyTorch 2.7.1 sees no GPU (found: cpu only)"),
                none.getMessage());

        DeviceUnavailableException second = assertThrows(DeviceUnavailableException.class,
                () -> DeviceChoice.parse("gpu:1").resolve(1, "PyTorch 2.7.1"));
        assertTrue(second.getMessage().contains("device 'gpu:1' was asked for but PyTorch 2.7.1 sees only 1 GPU(s): gpu:0 to gpu:0"),
                second.getMessage());

        assertEquals(List.of(Device.gpu(1)), DeviceChoice.parse("gpu:1").resolve(2, "PyTorch").devices());
    }

    @Test
    void placementCheckFailsWhenParametersAreNotOnTheChosenDevice() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block block = Fixtures.smallCnn(2);
            block.initialize(manager, DataType.FLOAT32, Fixtures.INPUT);

            DevicePlacement.verify(block, Device.cpu());
            DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                    () -> DevicePlacement.verify(block, Device.gpu(0)));
            assertTrue(e.getMessage().contains("meant to run on gpu(0) but parameter '01Conv2d_weight' lives on cpu()"),
                    e.getMessage());
        }
    }
}
