package dev.lamina.processor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.processor.diag.BackPointingImportFixture;
import dev.lamina.processor.lint.Linter;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SourceLocator;
import dev.lamina.processor.model.SpecValidator;
import dev.lamina.processor.report.Reporter;
import dev.lamina.processor.shape.Projection;
import dev.lamina.processor.shape.ShapeInference;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/architecture.md ("The processor, package by package"), checked on the
 * compiled processor: an import that points back up the pipeline fails the build.
 */
@AnalyzeClasses(packages = "dev.lamina.processor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * diag and tensor at the bottom, then model, shape, lint and codegen, report; the round's model
     * graph over model, shape and lint; the entry point on top. Each package reaches only down.
     */
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Processor").definedBy("dev.lamina.processor")
            .layer("Graph").definedBy("dev.lamina.processor.graph..")
            .layer("Report").definedBy("dev.lamina.processor.report..")
            .layer("Codegen").definedBy("dev.lamina.processor.codegen..")
            .layer("Lint").definedBy("dev.lamina.processor.lint..")
            .layer("Shape").definedBy("dev.lamina.processor.shape..")
            .layer("Model").definedBy("dev.lamina.processor.model..")
            .layer("Tensor").definedBy("dev.lamina.processor.tensor..")
            .layer("Diag").definedBy("dev.lamina.processor.diag..")
            .whereLayer("Graph").mayOnlyAccessLayers("Lint", "Shape", "Model", "Tensor", "Diag")
            .whereLayer("Report").mayOnlyAccessLayers("Lint", "Model", "Tensor", "Diag")
            .whereLayer("Codegen").mayOnlyAccessLayers("Shape", "Model", "Tensor", "Diag")
            .whereLayer("Lint").mayOnlyAccessLayers("Shape", "Model", "Tensor", "Diag")
            .whereLayer("Shape").mayOnlyAccessLayers("Model", "Tensor", "Diag")
            .whereLayer("Model").mayOnlyAccessLayers("Tensor", "Diag")
            .whereLayer("Tensor").mayNotAccessAnyLayer()
            .whereLayer("Diag").mayNotAccessAnyLayer()
            .whereLayer("Processor").mayNotBeAccessedByAnyLayer();

    /** Shapes are inferred once, by the round's model graph: code generation and the lints only read them. */
    @ArchTest
    static final ArchRule SHAPES_INFERRED_ONCE = noClasses()
            .that().resideOutsideOfPackages("dev.lamina.processor.graph..", "dev.lamina.processor.shape..")
            .should().dependOnClassesThat().belongToAnyOf(ShapeInference.class, Projection.class)
            .because("the shaped model (with each residual projection's stride) is computed once and"
                    + " code generation, summary and lints read it");

    /**
     * The entry point is a pipeline over the round's model graph: it reads the classes, then
     * reports and generates what the graph decided; validation, shapes and lints run only in the
     * graph (once per model, input and role).
     */
    @ArchTest
    static final ArchRule ENTRY_POINT_READS_THE_GRAPH = noClasses()
            .that().resideInAPackage("dev.lamina.processor")
            .should().dependOnClassesThat().belongToAnyOf(SpecValidator.class, Linter.class, ShapeInference.class)
            .because("each model is validated, shaped and linted once, by graph.ModelGraph");

    /**
     * javac's API is read only by the entry point, by ModelReader and SourceLocator (which turn
     * elements into plain specs and origins back into places) and by report/; specs, shapes,
     * findings, lints and code generation are plain Java (codegen may name JavaPoet's Modifier).
     */
    @ArchTest
    static final ArchRule JAVAC_API_AT_THE_EDGES = noClasses()
            .that().resideOutsideOfPackages("dev.lamina.processor", "dev.lamina.processor.report..")
            .and().haveNameNotMatching("dev\\.lamina\\.processor\\.model\\.(ModelReader|SourceLocator)(\\$.*)?")
            .should().dependOnClassesThat(resideInAnyPackage("javax.lang.model..", "javax.annotation.processing..",
                    "javax.tools..", "com.sun.source..", "com.sun.tools..")
                    .and(not(equivalentTo(Modifier.class))));

    /**
     * Only the places that print a finding map its origin back to javac's elements; the lints
     * build origins (e.g. {@code Origin.ofOtherAnnotation}) without knowing where they land.
     */
    @ArchTest
    static final ArchRule SOURCE_LOCATOR_ONLY_WHERE_FINDINGS_ARE_PRINTED = noClasses()
            .that().resideOutsideOfPackages("dev.lamina.processor", "dev.lamina.processor.report..",
                    "dev.lamina.processor.model..")
            .should().dependOnClassesThat().belongToAnyOf(SourceLocator.class);

    /**
     * One reporter: only {@link Reporter} prints through javac's Messager, so every message is a
     * catalogued {@code Finding} (docs/architecture.md, "The diagnostics catalogue").
     */
    @ArchTest
    static final ArchRule ONE_REPORTER = noClasses()
            .that().doNotBelongToAnyOf(Reporter.class)
            .should().callMethodWhere(target(owner(assignableTo(Messager.class))))
            .because("every message is a Finding printed by report.Reporter");

    /** The one-reporter rule can fail: a class that prints through the Messager itself breaks it. */
    @Test
    void printingThroughTheMessagerOutsideReporterIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(MessagerFixture.class);
        assertTrue(ONE_REPORTER.evaluate(classes).hasViolation());
    }

    /** Prints a message without a Finding. */
    static final class MessagerFixture {
        void print(Messager messager) {
            messager.printMessage(javax.tools.Diagnostic.Kind.NOTE, "[lamina" + ":X] by hand");
        }
    }

    /** The rules can fail: a diag class that imports a model type breaks {@link #LAYERS}. */
    @Test
    void aBackPointingImportIsAViolation() {
        JavaClasses classes = new ClassFileImporter().importClasses(BackPointingImportFixture.class, ModelSpec.class);
        assertTrue(LAYERS.evaluate(classes).hasViolation());
    }
}
