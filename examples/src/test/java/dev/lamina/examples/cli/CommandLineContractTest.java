package dev.lamina.examples.cli;

import dev.lamina.runtime.run.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI never surprises: usage without a command, one-line errors before any work, no overwrite. */
class CommandLineContractTest {
    /** A data directory that does not exist: a command that loaded data first would name it. */
    private static final String NO_DATA = "/nonexistent/lamina-data";

    private String out = "";
    private String err = "";

    /** Runs the CLI, keeping its output of this run in {@code out} and {@code err}. */
    private int run(String... args) {
        CliRun result = CliRun.of(args);
        out = result.out();
        err = result.err();
        return result.code();
    }

    @Test
    void bareLaminaPrintsTheUsageWithTheMainCommandsAndRunsNothing() {
        assertEquals(LaminaCli.OK, run());
        assertTrue(out.startsWith("Usage: lamina"), out);
        for (String command : List.of("experiment", "train", "eval", "summary")) {
            assertTrue(out.contains("  " + command + " "), command + " in\n" + out);
        }
        assertFalse(out.contains("Training "), "nothing trains:\n" + out);
    }

    @Test
    void everyBadValueIsOneLineNamingTheCommandBeforeAnyDataLoads() {
        Map<List<String>, String> cases = Map.of(
                List.of("train", "--epochs", "-3"), "lamina train: --epochs must be at least 1, got -3",
                List.of("train", "--lr", "-1"), "lamina train: --lr must be a positive number, got -1.0",
                List.of("train", "--lr", "fast"), "lamina train: Invalid value for option '--lr': 'fast' is not a float",
                List.of("train", "--device", "gpu:x"), "lamina train: device 'gpu:x' is not one of",
                List.of("train", "--validation", "1.5"), "lamina train: --validation must be at least 0 and below 1",
                List.of("train", "--batch-size", "0"), "lamina train: --batch-size must be at least 1, got 0",
                List.of("train", "--limit-batches", "-1"), "lamina train: --limit-batches must be 0",
                List.of("train", "NoSuchModel"), "lamina train: Unknown model 'NoSuchModel'",
                List.of("eval", "Plain", "--checkpoint", "x", "--tag", "first"), "lamina eval: Invalid value for option"
                        + " '--tag': unknown checkpoint tag 'first'; use last or best",
                List.of("experiment", "--seeds", "0"), "lamina experiment: --seeds must be at least 1, got 0");
        cases.forEach((args, expected) -> {
            String[] withData = java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of("--data", NO_DATA))
                    .toArray(String[]::new);
            assertEquals(LaminaCli.USAGE, run(withData), args + ": " + err);
            String message = err.strip();
            assertTrue(message.startsWith(expected), args + ": " + message);
            assertEquals(1, message.lines().count(), "one line, no usage dump: " + message);
            assertFalse(message.contains(NO_DATA), "refused before the data: " + message);
        });
    }

    @Test
    void anOutThatCannotBeADirectoryIsRefusedBeforeTheData(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--out", file.resolve("run").toString(), "--data", NO_DATA));

        assertTrue(err.contains("--out " + file.resolve("run") + " cannot be a directory: " + file
                + " is a file"), err);
        assertFalse(err.contains(NO_DATA), err);
    }

    @Test
    void anExistingRunIsNeverOverwritten(@TempDir Path run) throws IOException {
        Files.writeString(run.resolve("last.json"), "{}");
        Files.writeString(run.resolve("history.csv"), "epoch\n");

        assertEquals(LaminaCli.USAGE, run("train", "Plain", "--out", run.toString(), "--data", NO_DATA));

        assertTrue(err.contains("--out " + run + " already holds a run (last.json); it is not"
                + " overwritten. Continue it with --resume " + run), err);
        assertEquals("{}", Files.readString(run.resolve("last.json")));
        assertEquals(LaminaCli.USAGE, run("experiment", "--out", run.toString(), "--data", NO_DATA,
                "--models", "Plain"), "an experiment directory too: " + err);
    }

    @Test
    void withoutOutEachRunGetsTheNextNumberedDirectory(@TempDir Path base) throws IOException {
        assertEquals(base.resolve("missing/version_0"), RunDirectory.nextVersion(base.resolve("missing")));
        assertEquals(base.resolve("version_0"), RunDirectory.nextVersion(base));
        Files.createDirectories(base.resolve("version_0"));
        Files.createDirectories(base.resolve("version_3"));
        Files.createDirectories(base.resolve("version_x"));

        assertEquals(base.resolve("version_4"), RunDirectory.nextVersion(base));
    }

    @Test
    void limitBatchesMakesASmokeRun(@TempDir Path dir) {
        assertEquals(LaminaCli.OK, run("train", "Plain", "--epochs", "1", "--limit-batches", "2",
                "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu", "--out", dir.toString()),
                err);

        assertTrue(out.contains("at most 2 batches per epoch (smoke run)"), out);
        assertTrue(out.contains("batch 2/2"), "the epoch has 2 batches:\n" + out);
        assertTrue(Files.exists(dir.resolve("last.json")));
    }

    @Test
    void everyHelpFitsEightyColumnsWithItsPreformattedLinesIntact() {
        CommandLine root = LaminaCli.newCommandLine();
        List<CommandLine> commands = new java.util.ArrayList<>(root.getSubcommands().values());
        commands.add(root);
        for (CommandLine command : commands) {
            command.setUsageHelpAutoWidth(false);
            command.setUsageHelpWidth(80);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            help.lines().forEach(line -> assertTrue(line.length() <= 80,
                    command.getCommandName() + ": " + line.length() + " columns: " + line));
            List<String> preformatted = new java.util.ArrayList<>();
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own, with %n in its text
            }
            if (command.getCommandSpec().usageMessage().description().length > 1) {
                preformatted.addAll(List.of(command.getCommandSpec().usageMessage().description()));
            }
            preformatted.addAll(List.of(command.getCommandSpec().usageMessage().footer()));
            for (String line : preformatted) {
                assertTrue(help.lines().anyMatch(l -> l.equals(line)),
                        command.getCommandName() + ": line broken or missing: '" + line + "'\n" + help);
            }
        }
    }

    @Test
    void eachDefaultIsPrintedOnceAndComesFromTheOneDefaultsRecord() {
        CommandLine train = LaminaCli.newCommandLine().getSubcommands().get("train");
        String help = train.getUsageMessage(CommandLine.Help.Ansi.OFF);
        TrainingSettings d = TrainingSettings.DEFAULTS;
        for (String shown : List.of("Default: " + d.epochs(), "Default: " + d.learningRate(),
                "Default: " + d.schedule().format(), "Default: " + d.validation())) {
            assertTrue(help.contains(shown), shown + " in\n" + help);
        }
        assertFalse(help.toLowerCase(java.util.Locale.ROOT).contains("(default:"), "twice:\n" + help);
        TrainingConfig library = TrainingConfig.builder().build();
        assertEquals(d, library.settings(), "the library's defaults are the CLI's");
        String benchmark = LaminaCli.newCommandLine().getSubcommands().get("benchmark")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(benchmark.contains("Default: " + d.batchSize()) && benchmark.contains("Default: " + d.seed()),
                benchmark);
    }

    @Test
    void everyModelInTheJarCanBeNamedIncludingTheCifarFamilies() {
        List<String> models = ModelCatalog.available();
        assertTrue(models.containsAll(List.of("FashionCnn", "Plain", "cifar.Plain", "cifar100.Plain",
                "cifar.BatchNormConvs")), models.toString());
        for (String name : models) {
            assertTrue(ModelCatalog.resolve(name).netClass().getName().endsWith(name + "Net"),
                    name);
        }
        assertEquals(3, ModelCatalog.resolve("Plain", DatasetKind.CIFAR10).inputShape().get(1),
                "a simple name means the dataset's model");
        assertEquals(LaminaCli.OK, run("summary"));
        assertTrue(out.contains("  cifar100.Plain"), out);
    }

    /** MODEL has a default (the default model), so the synopsis shows it optional (issue 23 item 6). */
    @Test
    void trainsSynopsisShowsModelOptional() {
        String help = LaminaCli.newCommandLine().getSubcommands().get("train").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(help.contains("[MODEL]"), help);
    }
}
