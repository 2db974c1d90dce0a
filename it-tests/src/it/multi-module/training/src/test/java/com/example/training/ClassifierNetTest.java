package com.example.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import com.example.model.ClassifierNet;
import org.junit.jupiter.api.Test;

/** The Net generated in the model module, used from this module: shapes as declared. */
class ClassifierNetTest {

    @Test
    void generatedBlockRunsWithTheDeclaredShapes() {
        assertEquals(new Shape(1, 3, 16, 16), ClassifierNet.inputShape());
        assertEquals(new Shape(1, 5), ClassifierNet.outputShape());
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = ClassifierNet.newBlock();
            block.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, ClassifierNet.inputShape());
            NDArray images = manager.randomUniform(0f, 1f, new Shape(4, 3, 16, 16));
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(images), false);
            assertEquals(new Shape(4, 5), out.singletonOrThrow().getShape());
        }
    }
}
