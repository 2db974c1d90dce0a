package dev.lamina.examples.cli;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.device.DjlEnvironment;
import dev.lamina.runtime.run.Failures;
import dev.lamina.runtime.train.DeviceOutOfMemoryException;
import dev.lamina.runtime.train.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Entry point of {@code lamina.jar}. With no arguments it prints its usage (the commands and
 * examples) and does nothing else; {@code lamina experiment} is the main job.
 *
 * <p>Every command checks all its options before any data loads or any file is written, and
 * reports a bad one on one line, {@code lamina <command>: <what is wrong>}, with exit code
 * {@value #USAGE} (the usage is not dumped; {@code lamina <command> --help} shows it).
 *
 * <p>Exit codes: {@value #OK} success, {@value #TRAINING_FAILED} training failed (NaN or infinite
 * loss, out of memory, I/O error, a failure inside DJL or PyTorch), {@value #USAGE} bad usage
 * (unknown option, model or dataset; an option value out of range ({@link InvalidInputException});
 * missing, damaged or empty data; a device or inference engine that is not there; a checkpoint of
 * another model or other data).
 */
@Command(name = "lamina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Neural networks declared as annotated Java classes, checked at compile time and",
            "trained on DJL (PyTorch engine)."
        },
        footer = {
            "",
            "Examples:",
            "  lamina experiment          the dropout experiment (5 min on 2 quiet CPU cores)",
            "  lamina experiment --full   the preset behind docs/results",
            "  lamina train               the default model, FashionClassifier (3 min)",
            "  lamina train Plain --epochs 1 --limit-batches 20   a quick smoke run",
            "  lamina summary             list the models; lamina summary Plain: one",
            "  lamina help train          a command's options and defaults",
            "  lamina images --limit 10 --to pngs   10 test images as PNG files",
            "  lamina predict runs/train-FashionClassifier/version_0/model pngs",
            "  lamina export runs/train-FashionClassifier/version_0 --format onnx --to m.onnx",
            "  lamina --classpath target/classes train com.example.model.Shapes   your model",
            "",
            "Exit codes: 0 ok, 1 training failed, 2 usage error."
        },
        subcommands = {
            TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class,
            ImagesCommand.class, TaskDataCommand.class, SummaryCommand.class, ExperimentCommand.class,
            BenchmarkCommand.class, CommandLine.HelpCommand.class
        })
public final class LaminaCli implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LaminaCli.class);

    /** Success. */
    public static final int OK = 0;
    /** Training (or another run) failed. */
    public static final int TRAINING_FAILED = 1;
    /** Bad command line or input. */
    public static final int USAGE = 2;

    /** The environment variable that adds to {@code --classpath} (the launcher passes it on). */
    public static final String CLASSPATH_ENV = "LAMINA_CLASSPATH";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--classpath", paramLabel = "PATH", split = ":",
            description = {"Where your own @Model classes and their generated Nets are: class folders"
                    + " and jars, separated by ':' (also read from the "
                    + CLASSPATH_ENV + " environment variable). Every command that names a model"
                    + " (train, eval, export, summary) or loads a saved one (predict, eval, export)"
                    + " finds it there. Give it before the command: lamina --classpath"
                    + " target/classes train com.example.model.Shapes ..."})
    List<Path> classpath = new ArrayList<>();

    /** No command given: print the usage (the commands and examples), do nothing else. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
        out.flush();
        return OK;
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        configureEnvironment();
        System.exit(execute(args));
    }

    /**
     * Sets the system properties DJL and AWT read when they load; call before touching DJL.
     * DJL is kept offline (it never downloads) unless the user says otherwise with
     * {@code -Dai.djl.offline=false}, the route docs/gpu.md gives for downloading a CUDA libtorch.
     */
    public static void configureEnvironment() {
        DjlEnvironment.configure();
    }

    /** Runs the CLI without exiting (tests call this). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * Runs the parsed command with the user's classes ({@code --classpath} and {@value
     * #CLASSPATH_ENV}) on the thread's context class loader, where {@code ModelCatalog} and {@code
     * LaminaModel} look up a model's Net; the loader is closed and the previous one restored after.
     */
    private static int runWithUserClasses(CommandLine.ParseResult parsed) {
        LaminaCli root = parsed.commandSpec().commandLine().getCommand();
        List<Path> paths = new ArrayList<>(root.classpath);
        String env = System.getenv(CLASSPATH_ENV);
        if (env != null && !env.isBlank()) {
            for (String entry : env.split(":")) {
                if (!entry.isBlank()) {
                    paths.add(Path.of(entry));
                }
            }
        }
        if (paths.isEmpty()) {
            return new CommandLine.RunLast().execute(parsed);
        }
        if (root.classpath.stream().anyMatch(p -> p.toString().isBlank())) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                    "--classpath: an empty entry (two ':' in a row, or an empty value); name each class"
                            + " folder or jar, e.g. --classpath target/classes");
        }
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && path.toString().endsWith(".jar"))) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                        "--classpath: " + path + (Files.exists(path) ? " is neither a class folder nor a .jar file"
                                : " does not exist") + " (from " + (root.classpath.contains(path) ? "--classpath"
                                : CLASSPATH_ENV) + "; build your project first, e.g. mvn compile)");
            }
            try {
                urls.add(path.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader user = new URLClassLoader("lamina-user-classes", urls.toArray(URL[]::new),
                LaminaCli.class.getClassLoader())) {
            thread.setContextClassLoader(user);
            return new CommandLine.RunLast().execute(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The configured picocli command line: exit codes and error handling as documented. */
    public static CommandLine newCommandLine() {
        configureEnvironment();
        CommandLine cli = new CommandLine(new LaminaCli());
        cli.setExitCodeExceptionMapper(LaminaCli::exitCode);
        cli.setExecutionStrategy(LaminaCli::runWithUserClasses);
        cli.setParameterExceptionHandler(LaminaCli::badArguments);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = rootOf(e);
            if (exitCode(cause) == TRAINING_FAILED) {
                LOG.debug("lamina {} failed", commandLine.getCommandName(), cause);
            }
            commandLine.getErr().println(commandLine.getColorScheme()
                    .errorText("lamina " + commandLine.getCommandName() + ": " + message(cause)));
            commandLine.getErr().flush();
            return exitCode(cause);
        });
        return cli;
    }

    /**
     * A command line picocli cannot parse (an unknown option, a value of the wrong type, a missing
     * parameter): one line naming the command and the problem, exit {@value #USAGE}, no usage dump.
     */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        String hint = e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()
                ? ". Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
        command.getErr().println(command.getColorScheme().errorText(name + ": " + oneLine(e.getMessage())
                + hint + " (`" + name + " --help` lists the options)"));
        command.getErr().flush();
        return USAGE;
    }

    private static String oneLine(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "file not found: " + e.getMessage()
                    + " (point --data at the dataset's directory)";
        }
        String text = e.getMessage() != null ? e.getMessage() : "(no message)";
        if (exitCode(e) == USAGE || e instanceof TrainingDivergedException
                || e instanceof DeviceOutOfMemoryException || e instanceof UncheckedIOException
                || e instanceof IOException) {
            return text;
        }
        // Not Lamina's own diagnosis (DJL, PyTorch, the JVM): say what kind of failure it is.
        return "the run failed inside " + origin(e) + " (" + e.getClass().getName() + "): " + text
                + ". This is not a problem with the command line; the stack trace is in the log"
                + " with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug.";
    }

    private static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String top = trace.length > 0 ? trace[0].getClassName() : "";
        return top.startsWith("ai.djl.pytorch") ? "the PyTorch engine"
                : top.startsWith("ai.djl") ? "DJL" : "Lamina or the JVM";
    }

    /**
     * {@value #USAGE} for input the user can fix (an option value, a model or dataset name, data
     * files, a device or inference engine that is not there, a checkpoint of another model or other
     * data); {@value #TRAINING_FAILED} for everything else, including {@link IllegalArgumentException}s that
     * are not {@link InvalidInputException}s (DJL and PyTorch throw those for their own failures).
     */
    static int exitCode(Throwable e) {
        if (Failures.isUserInput(e) || e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return TRAINING_FAILED;
    }
}
