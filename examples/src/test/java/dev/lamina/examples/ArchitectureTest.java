package dev.lamina.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.examples.catalog.BackPointingImportFixture;
import dev.lamina.examples.cli.LaminaCli;
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

    /** The rules can fail: a catalog class that reaches up into the command line breaks {@link #LAYERS}. */
    @Test
    void aBackPointingImportIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(BackPointingImportFixture.class, LaminaCli.class);
        assertTrue(LAYERS.evaluate(classes).hasViolation());
    }
}
