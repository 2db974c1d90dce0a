package dev.lamina.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.pooling.Pool;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.BackPointingImportFixture;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.onnx.ReflectiveExporterFixture;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/architecture.md ("The runtime, package by package"), checked on the
 * compiled runtime: an import that points back (data reaching into train, say) fails the build.
 */
@AnalyzeClasses(packages = "dev.lamina",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotGeneratedProtobuf.class})
class ArchitectureTest {

    /**
     * Leaves out the protobuf classes protoc generates for the ONNX export ({@code onnx.proto}):
     * they import only protobuf, and they are most of the runtime's bytecode.
     */
    static final class NotGeneratedProtobuf implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/lamina/runtime/onnx/proto/");
        }
    }

    /**
     * The annotations users write depend on nothing but the JDK: a model class compiles against
     * them without DJL, and the processor reads them by name.
     */
    @ArchTest
    static final ArchRule ANNOTATIONS_DEPEND_ON_NOTHING = classes()
            .that().resideInAPackage("dev.lamina")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.lamina");

    /**
     * Of the annotations users write, the runtime reads only {@code Model.Task}, the task a Net's
     * descriptor records (its loss, metrics and predictions follow it); the layer annotations are
     * read by the processor alone, at compile time.
     */
    @ArchTest
    static final ArchRule RUNTIME_READS_ONLY_THE_TASK_OF_THE_ANNOTATIONS = noClasses()
            .that().resideInAPackage("dev.lamina.runtime..")
            .should().dependOnClassesThat(resideInAPackage("dev.lamina")
                    .and(not(type(dev.lamina.Model.Task.class))));

    /**
     * The runtime's packages, each reaching only down: the layer descriptor (what {@code
     * LaminaNet.descriptor()} returns) under the shared root, io and blocks at the bottom; data,
     * device and report on them; checkpoint, onnx; then train and model, which do not know each
     * other; run, the use cases over a run directory, on top.
     */
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitectureIgnoring("dev.lamina") // the annotations: the rule above
            .layer("Run").definedBy("dev.lamina.runtime.run..")
            .layer("Model").definedBy("dev.lamina.runtime.model..")
            .layer("Train").definedBy("dev.lamina.runtime.train..")
            .layer("Onnx").definedBy("dev.lamina.runtime.onnx..")
            .layer("Checkpoint").definedBy("dev.lamina.runtime.checkpoint..")
            .layer("Report").definedBy("dev.lamina.runtime.report..")
            .layer("Data").definedBy("dev.lamina.runtime.data..")
            .layer("Device").definedBy("dev.lamina.runtime.device..")
            .layer("Blocks").definedBy("dev.lamina.runtime.blocks..")
            .layer("Io").definedBy("dev.lamina.runtime.io..")
            .layer("Shared").definedBy("dev.lamina.runtime")
            .layer("Task").definedBy("dev.lamina.runtime.task..")
            .layer("Descriptor").definedBy("dev.lamina.runtime.descriptor..")
            .whereLayer("Run").mayNotBeAccessedByAnyLayer()
            .whereLayer("Model").mayOnlyAccessLayers("Checkpoint", "Onnx", "Report", "Data", "Device", "Blocks", "Task", "Io", "Shared", "Descriptor")
            .whereLayer("Train").mayOnlyAccessLayers("Checkpoint", "Report", "Data", "Device", "Blocks", "Task", "Io", "Shared", "Descriptor")
            .whereLayer("Task").mayOnlyAccessLayers("Io", "Shared", "Descriptor")
            .whereLayer("Onnx").mayOnlyAccessLayers("Blocks", "Io", "Shared", "Descriptor")
            .whereLayer("Checkpoint").mayOnlyAccessLayers("Report", "Data", "Io", "Shared", "Descriptor")
            .whereLayer("Report").mayOnlyAccessLayers("Io", "Shared", "Descriptor")
            .whereLayer("Data").mayOnlyAccessLayers("Io", "Shared", "Descriptor")
            .whereLayer("Device").mayOnlyAccessLayers("Shared", "Descriptor")
            .whereLayer("Blocks").mayOnlyAccessLayers("Shared", "Descriptor")
            .whereLayer("Io").mayOnlyAccessLayers("Shared", "Descriptor")
            .whereLayer("Shared").mayOnlyAccessLayers("Descriptor")
            .whereLayer("Descriptor").mayNotAccessAnyLayer()
            // a Net's task is the enum of its @Model(task), which the descriptor records and the runtime reads
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(dev.lamina.Model.Task.class));

    /**
     * The layer descriptor is plain data the generated code builds: of DJL it knows only {@code
     * Shape}, so reading it never reaches into a block.
     */
    @ArchTest
    static final ArchRule DESCRIPTOR_IS_DATA = noClasses()
            .that().resideInAPackage("dev.lamina.runtime.descriptor..")
            .should().dependOnClassesThat(resideInAPackage("ai.djl..").and(not(type(Shape.class))));

    /**
     * The ONNX exporter reads the descriptor's recipes and the block's parameters by name: no
     * reflection, and of DJL's {@code nn} package only {@code Block}, {@code Parameter} (with {@code
     * ParameterList}, what {@code getParameters()} returns) and the {@code Pool} function it
     * measures the engine's average pooling with; never a concrete block class (so no {@code
     * instanceof Conv2d}, no {@code LambdaBlock} names).
     */
    @ArchTest
    static final ArchRule ONNX_READS_NO_DJL_INTERNALS = noClasses()
            .that().resideInAPackage("dev.lamina.runtime.onnx")
            .should().dependOnClassesThat(resideInAPackage("java.lang.reflect..")
                    .or(resideInAPackage("ai.djl.nn..").and(not(type(Block.class))).and(not(type(Parameter.class)))
                            .and(not(type(ParameterList.class))).and(not(type(Pool.class)))));

    /** The rule can fail: an exporter that reads a DJL field or tests for {@code Conv2d} breaks it. */
    @Test
    void readingDjlInternalsInOnnxIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReflectiveExporterFixture.class);
        assertTrue(ONNX_READS_NO_DJL_INTERNALS.evaluate(classes).hasViolation());
    }

    /**
     * The files of a run directory are written on the run's behalf only: checkpoints and history
     * by the epoch loop of {@code train} (which {@code run.RunDirectory#train} drives) or the
     * checkpoint store itself, and an image folder's record by {@code run} alone.
     */
    @ArchTest
    static final ArchRule RUN_FILES_WRITTEN_FOR_THE_RUN = noClasses()
            .that().resideOutsideOfPackages("dev.lamina.runtime.run..", "dev.lamina.runtime.train..",
                    "dev.lamina.runtime.checkpoint..")
            .should().callMethodWhere(writesRunFile(CheckpointStore.class, "save.*")
                    .or(writesRunFile(HistoryFiles.class, "writeAll")))
            .because("a run directory has one owner, dev.lamina.runtime.run.RunDirectory (docs/architecture.md)");

    @ArchTest
    static final ArchRule FOLDER_RECORD_WRITTEN_BY_THE_RUN = noClasses()
            .that().resideOutsideOfPackages("dev.lamina.runtime.run..", "dev.lamina.runtime.data.image..")
            .should().callMethodWhere(writesRunFile(ImageFolders.Loaded.class, "writeRunFiles"))
            .because("RunDirectory.train records the image folder a run trains on");

    /** A call of a method of {@code owner} whose name matches {@code name}. */
    static DescribedPredicate<JavaMethodCall> writesRunFile(Class<?> owner, String name) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + name, call ->
                call.getTargetOwner().isEquivalentTo(owner) && call.getName().matches(name));
    }

    /** The rules can fail: a data class that calls the trainer breaks {@link #LAYERS}. */
    @Test
    void aBackPointingImportIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(BackPointingImportFixture.class, Trainer.class);
        assertTrue(LAYERS.evaluate(classes).hasViolation());
    }

    /** {@link #RUN_FILES_WRITTEN_FOR_THE_RUN} can fail: report writing a run's history by itself breaks it. */
    @Test
    void writingARunFileOutsideTheRunIsAViolation() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("dev.lamina.runtime.report.RunFileWriterFixture"), HistoryFiles.class);
        assertTrue(RUN_FILES_WRITTEN_FOR_THE_RUN.evaluate(classes).hasViolation());
    }

    /** {@link #RUNTIME_READS_ONLY_THE_TASK_OF_THE_ANNOTATIONS} can fail: a runtime class reading {@code @Dense} breaks it. */
    @Test
    void readingALayerAnnotationAtRunTimeIsAViolation() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("dev.lamina.runtime.model.AnnotationReadingFixture"), dev.lamina.Dense.class);
        assertTrue(RUNTIME_READS_ONLY_THE_TASK_OF_THE_ANNOTATIONS.evaluate(classes).hasViolation());
    }
}
