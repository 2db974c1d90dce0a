package dev.lamina.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.examples.catalog.BackPointingImportFixture;
import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/architecture.md ("Examples"), checked on the compiled examples: the
 * models know nothing of the tools that train them, and only the command line knows every tool.
 */
@AnalyzeClasses(packages = "dev.lamina.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** models at the bottom, catalog on them, experiment and benchmark on the catalog, cli on top. */
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Cli").definedBy("dev.lamina.examples.cli..")
            .layer("Experiment").definedBy("dev.lamina.examples.experiment..")
            .layer("Benchmark").definedBy("dev.lamina.examples.benchmark..")
            .layer("Catalog").definedBy("dev.lamina.examples.catalog..")
            .layer("Models").definedBy("dev.lamina.examples.models..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Experiment").mayOnlyAccessLayers("Catalog", "Models")
            .whereLayer("Benchmark").mayOnlyAccessLayers("Catalog", "Models")
            .whereLayer("Catalog").mayOnlyAccessLayers("Models")
            .whereLayer("Models").mayNotAccessAnyLayer();

    /**
     * The model packages hold what a user writes (annotated classes) and what the processor
     * generates from them (Nets on DJL, the runtime's blocks, net interface and layer descriptor): no trainer, no
     * data, no files.
     */
    @ArchTest
    static final ArchRule MODELS_ARE_DECLARATIONS = classes()
            .that().resideInAPackage("dev.lamina.examples.models..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.lamina",
                    "dev.lamina.runtime", "dev.lamina.runtime.blocks..", "dev.lamina.runtime.descriptor..",
                    "dev.lamina.examples.models..", "ai.djl..");

    /**
     * The command line parses options and reports: a run's files (checkpoints, history, saved
     * model, image-folder record, files written directly) are the runtime's {@code
     * run.RunDirectory}'s to write, and the use cases (train and save, export) are its methods.
     */
    @ArchTest
    static final ArchRule CLI_WRITES_NO_RUN_FILES = noClasses()
            .that().resideInAPackage("dev.lamina.examples.cli..")
            .should().callMethodWhere(calls(CheckpointStore.class, "save.*|recover")
                    .or(calls(HistoryFiles.class, "writeAll"))
                    .or(calls(ImageFolders.Loaded.class, "writeRunFiles"))
                    .or(calls(LaminaModel.class, "save.*|fromCheckpoint"))
                    .or(calls(Trainer.class, "fit")))
            .because("RunDirectory owns a run's files and use cases (docs/architecture.md)");

    /** Commands share code through the runtime or helpers, never by calling another command's statics. */
    @ArchTest
    static final ArchRule COMMANDS_DO_NOT_CALL_EACH_OTHER = noClasses()
            .that().resideInAPackage("dev.lamina.examples.cli..").and().haveSimpleNameEndingWith("Command")
            .should().callMethodWhere(DescribedPredicate.describe("a method of another command", (JavaMethodCall call) ->
                    call.getTargetOwner().getSimpleName().endsWith("Command")
                            && !call.getTargetOwner().equals(call.getOriginOwner())
                            && !call.getTargetOwner().getPackageName().startsWith("picocli")));

    static DescribedPredicate<JavaMethodCall> calls(Class<?> owner, String name) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + name, call ->
                call.getTargetOwner().isEquivalentTo(owner) && call.getName().matches(name));
    }

    /** The rules can fail: a catalog class that reaches up into the command line breaks {@link #LAYERS}. */
    @Test
    void aBackPointingImportIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(BackPointingImportFixture.class, LaminaCli.class);
        assertTrue(LAYERS.evaluate(classes).hasViolation());
    }

    /** {@link #CLI_WRITES_NO_RUN_FILES} can fail: a CLI class that saves a run's model itself breaks it. */
    @Test
    void aCommandWritingARunFileIsAViolation() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("dev.lamina.examples.cli.RunFileWritingCommandFixture"), LaminaModel.class);
        assertTrue(CLI_WRITES_NO_RUN_FILES.evaluate(classes).hasViolation());
    }
}
