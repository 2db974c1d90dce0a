package dev.lamina.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.PrintStream;

/**
 * Prints a model's layers, output shapes and parameter counts, as {@code lamina summary} does (the
 * table the processor computed at compile time; no engine loads); without {@code model}, lists
 * the project's models. Compiles the project first.
 */
@Mojo(name = "summary", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SummaryMojo extends LaminaMojo {

    /** The model: a {@code @Model} class's simple or qualified name, or its Net's. Default: list them. CLI: {@code MODEL}. */
    @Parameter(property = "lamina.model")
    String model;

    @Override
    void run(ProjectClasses classes, PrintStream out) {
        if (model == null || model.isBlank()) {
            out.println("Models of " + project.getArtifactId() + " (mvn lamina:summary -Dlamina.model=NAME shows one):");
            classes.locator().available().forEach(name -> out.println("  " + name));
        } else {
            out.println(classes.model(model).summary());
        }
    }
}
