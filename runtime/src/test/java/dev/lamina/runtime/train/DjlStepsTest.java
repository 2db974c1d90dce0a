package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.LabeledImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DjlStepsTest {

    @Test
    void eachStepUsesTheRateSetBeforeIt() {
        LabeledImages data = Fixtures.leftRight("train", 32, 1);
        Batch batch = new Batch(data.images(), data.labels(), data.size());
        Block block = Fixtures.smallCnn(2);
        try (Model model = Model.newInstance("rate", Device.cpu());
             DjlSteps steps = newSteps(model, block)) {
            float[] before = firstWeights(block);

            steps.forwardBackward(batch);
            steps.learningRate(0f);
            steps.step();
            assertArrayEquals(before, firstWeights(block), "a step at rate 0 moved the weights");

            steps.forwardBackward(batch);
            steps.learningRate(0.05f);
            steps.step();
            assertFalse(Arrays.equals(before, firstWeights(block)), "a step at rate 0.05 left the weights");
        }
    }

    private static DjlSteps newSteps(Model model, Block block) {
        model.setBlock(block);
        return new DjlSteps(model, new Device[] {Device.cpu()}, 0.01f, Fixtures.INPUT);
    }

    private static float[] firstWeights(Block block) {
        Parameter weight = block.getParameters().valueAt(0);
        return weight.getArray().toFloatArray();
    }
}
