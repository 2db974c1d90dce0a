package dev.lamina.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.lamina.examples.experiment.ExperimentFamily;
import dev.lamina.runtime.data.DatasetKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    @Test
    void acceptsModelNetAndQualifiedNames() {
        for (String name : new String[] {"FashionCnn", "FashionCnnNet",
            "dev.lamina.examples.models.FashionCnn", "dev.lamina.examples.models.FashionCnnNet"}) {
            assertEquals("FashionCnn", ModelCatalog.resolve(name).name(), name);
        }
    }

    @Test
    void listsEveryExampleModel() {
        assertTrue(ModelCatalog.available().containsAll(ExperimentFamily.DEFAULT.models()));
        assertTrue(ModelCatalog.available().contains("Seed001MnistCnn"));
    }

    @Test
    void unknownNameListsWhatExists() {
        UnknownModelException e = assertThrows(UnknownModelException.class,
                () -> ModelCatalog.resolve("Resnet50"));
        assertTrue(e.getMessage().contains("Plain, "), e.getMessage());
    }

    @Test
    void everyDatasetHasTheWholeFamilyWithItsInputAndClasses() {
        for (DatasetKind kind : DatasetKind.values()) {
            boolean cifar = kind == DatasetKind.CIFAR10 || kind == DatasetKind.CIFAR100;
            List<String> family = ExperimentFamily.forDataset(kind).models();
            assertEquals(!cifar, family.contains("Seed001MnistCnn"), kind + " family " + family);
            for (String model : family) {
                GeneratedNet net = ModelCatalog.resolveIn(model, ModelCatalog.packageFor(kind));
                assertEquals(cifar ? new Shape(1, 3, 32, 32) : new Shape(1, 1, 28, 28),
                        net.inputShape(), kind + " " + model);
                assertEquals(kind.classes(), net.classes(), kind + " " + model);
            }
        }
    }
}
