package dev.lamina.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.onnx.OnnxExporter;
import dev.lamina.runtime.report.HistoryFiles;
import dev.lamina.runtime.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The plugin's rule of docs/architecture.md ("The Maven plugin"): a goal is an adapter over the
 * runtime's use cases, as a {@code lamina} command is, so it writes no file of a run, saves or
 * exports no model and trains nothing itself.
 */
@AnalyzeClasses(packages = "dev.lamina.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule GOALS_ARE_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.lamina.maven..")
            .should().callMethodWhere(calls(CheckpointStore.class, "save.*|recover")
                    .or(calls(HistoryFiles.class, "writeAll"))
                    .or(calls(ImageFolders.Loaded.class, "writeRunFiles"))
                    .or(calls(LaminaModel.class, "save.*|fromCheckpoint|exportOnnx|predictor"))
                    .or(calls(OnnxExporter.class, ".*"))
                    .or(calls(Trainer.class, "fit")))
            .because("the runtime's RunDirectory, ModelExport and ImagePrediction own the use cases the CLI"
                    + " shares (docs/architecture.md)");

    static DescribedPredicate<JavaMethodCall> calls(Class<?> owner, String name) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + name, call ->
                call.getTargetOwner().isEquivalentTo(owner) && call.getName().matches(name));
    }

    /** {@link #GOALS_ARE_ADAPTERS} can fail: a goal that exports a model itself breaks it. */
    @Test
    void aGoalDoingAUseCaseItselfIsAViolation() {
        assertTrue(GOALS_ARE_ADAPTERS.evaluate(new ClassFileImporter().importClasses(ExportingGoalFixture.class,
                LaminaModel.class)).hasViolation());
    }
}
