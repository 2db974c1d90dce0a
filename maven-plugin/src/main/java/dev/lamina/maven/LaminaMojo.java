package dev.lamina.maven;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.device.DjlEnvironment;
import dev.lamina.runtime.run.Failures;
import dev.lamina.runtime.run.NetLocator;
import dev.lamina.runtime.train.DeviceOutOfMemoryException;
import dev.lamina.runtime.train.TrainingDivergedException;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every goal shares: it runs one use case of the runtime (as the {@code lamina} command does)
 * on the project's own compiled classes and runtime dependencies, in a class loader over them
 * whose parent is the plugin's (so the plugin's {@code lamina-runtime} and DJL are the ones used,
 * and the libtorch jar comes from the project's dependencies), prints through Maven's log, and
 * reports a failure the Maven way: input the user can fix (the same one-line message the command
 * line prints) as a build failure, anything else as an execution error.
 */
abstract class LaminaMojo extends AbstractMojo {

    /** The project whose classes and dependencies the goal runs on. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the goal. */
    @Parameter(property = "lamina.skip", defaultValue = "false")
    boolean skip;

    /** The goal's use case, with the project's classes on the thread's context class loader. */
    abstract void run(ProjectClasses classes, PrintStream out) throws Exception;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (lamina.skip).");
            return;
        }
        DjlEnvironment.configure();
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("cannot build the class path of " + project.getId() + ": "
                    + e.getMessage(), e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("lamina-project-classes", urls.toArray(URL[]::new),
                getClass().getClassLoader());
             PrintStream out = new LogStream(getLog()).printStream()) {
            thread.setContextClassLoader(loader);
            run(new ProjectClasses(loader, Path.of(project.getBuild().getOutputDirectory())), out);
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            rethrow(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A failure as Maven reports it: the user's to fix (the runtime's {@link Failures#isUserInput}
     * rule, or a run that diverged or ran out of memory, whose message says what to change) as a
     * {@link MojoFailureException} with the message alone; anything else as a {@link
     * MojoExecutionException} (the stack trace with {@code mvn -e}).
     */
    static void rethrow(Throwable e) throws MojoFailureException, MojoExecutionException {
        String message = e.getMessage() != null ? e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")
                : e.getClass().getName();
        if (e instanceof NoSuchFileException) {
            throw new MojoFailureException("file not found: " + message, e);
        }
        if (Failures.isUserInput(e) || e instanceof TrainingDivergedException
                || e instanceof DeviceOutOfMemoryException) {
            throw new MojoFailureException(message, e);
        }
        throw new MojoExecutionException(e.getClass().getName() + ": " + message, e);
    }

    /** A {@link File} parameter as a path, or null. */
    static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /**
     * The project's compiled classes: where its models' Nets are looked up by name.
     *
     * @param loader the project's classes and runtime dependencies
     * @param outputDirectory {@code target/classes}
     */
    record ProjectClasses(ClassLoader loader, Path outputDirectory) {

        /** The lookup of the runtime over the output directory. */
        NetLocator locator() {
            return new NetLocator(loader, List.of(outputDirectory));
        }

        /** The model {@code name} names among the project's classes (or on its class path, when qualified). */
        LaminaNet model(String name) {
            return locator().require(name, outputDirectory.toString());
        }

        /**
         * The model {@code name} names; when null, the model a run recorded, else the project's only
         * model.
         *
         * @param recorded the Net class a run recorded, if any
         * @throws InvalidInputException when no model is named and the project has none or several
         */
        LaminaNet model(String name, Optional<String> recorded) {
            if (name != null && !name.isBlank()) {
                return model(name);
            }
            if (recorded.isPresent()) {
                return model(recorded.get());
            }
            List<String> models = locator().available();
            if (models.size() == 1) {
                return model(models.get(0));
            }
            throw new InvalidInputException("name the model with -Dlamina.model=NAME (or <model> in the plugin's"
                    + " configuration): " + (models.isEmpty() ? outputDirectory + " holds no generated Net (are the"
                    + " @Model classes compiled with the Lamina processor on the annotation processor path?)"
                    : "this project has " + models.size() + ": " + String.join(", ", models)));
        }
    }
}
