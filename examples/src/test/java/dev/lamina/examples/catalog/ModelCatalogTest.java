package dev.lamina.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.lamina.examples.experiment.ExperimentFamily;
import dev.lamina.runtime.LaminaNet;
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
        assertTrue(ModelCatalog.available().contains("cifar.wrn.WideResNet16x4"), ModelCatalog.available()::toString);
    }

    @Test
    void theResidualCifarModelIsNamedByItsSimpleNameWithTheCifarDataset() {
        assertEquals("WideResNet16x4", ModelCatalog.resolve("WideResNet16x4", DatasetKind.CIFAR10).name());
        assertEquals("WideResNet16x4", ModelCatalog.resolve("cifar.wrn.WideResNet16x4").name());
    }

    @Test
    void everyExampleHandleIsItsNetsConstantAndAgreesWithTheStaticMethods() throws ReflectiveOperationException {
        for (String pkg : List.of(ModelCatalog.MODELS_28X28, ModelCatalog.MODELS_CIFAR10, ModelCatalog.MODELS_CIFAR100,
                ModelCatalog.MODELS_CIFAR10_RESIDUAL)) {
            assertFalse(ModelCatalog.nets(pkg).isEmpty(), pkg);
            for (LaminaNet net : ModelCatalog.nets(pkg)) {
                Class<?> type = net.netClass();
                assertEquals(pkg, type.getPackageName());
                assertSame(net, type.getField(LaminaNet.FIELD).get(null), type.getName());
                assertSame(net, LaminaNet.of(type));
                assertEquals(type.getMethod("modelName").invoke(null), net.name());
                assertEquals(type.getMethod("inputShape").invoke(null), net.inputShape());
                assertEquals(type.getMethod("outputShape").invoke(null), net.outputShape());
                assertEquals(type.getMethod("summary").invoke(null), net.summary());
                assertEquals(type.getMethod("parameterCount").invoke(null), net.parameterCount());
                assertEquals(type.getMethod("totalParameterCount").invoke(null), net.totalParameterCount());
                assertNotSame(net.newBlock(), net.newBlock(), "a new block per call");
            }
        }
    }

    @Test
    void aModelOutsideTheListsIsNamedByItsQualifiedClass() {
        GeneratedNet wrn = ModelCatalog.resolve("dev.lamina.examples.models.cifar.wrn.WideResNet16x4");
        assertEquals("WideResNet16x4", wrn.name());
        assertEquals(new Shape(1, 3, 32, 32), wrn.inputShape());
    }

    @Test
    void aClassThatIsNotAGeneratedNetIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaminaNet.of(String.class));
        assertTrue(e.getMessage().startsWith("java.lang.String is not a generated Lamina Net"), e.getMessage());
        assertThrows(UnknownModelException.class, () -> ModelCatalog.resolve("java.lang.String"));
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
