package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.experiment.Fixture;
import dev.lamina.runtime.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The damage harness (issue 21), the counterpart of the runtime's {@code KillTest}: it trains one
 * small run, then damages copies of its run directory and saved model in many ways (truncated and
 * flipped files, every field of the state files edited, links, FIFOs, directories, huge sparse
 * files, no permission) and runs {@code lamina eval}, {@code export} and {@code predict} on each.
 * Every damage must give exit code 2, one line on stderr that names the damaged file, and leave
 * every file of the directory as it was (nothing written, nothing deleted, no export output).
 *
 * <p>The quick run in {@code mvn verify} runs the fixed cases plus {@value #QUICK_FLIPS} random
 * byte flips and truncations of the parameter files; {@code -Dlamina.damage.count=N} runs N random
 * ones (docs/reliability.md). The no-permission cases are skipped when this process reads a file
 * of mode 000 anyway (root), tried on a real file ({@link #readsModeZeroFiles}).
 */
class DamageTest {

    private static final int QUICK_FLIPS = 6;

    @TempDir
    static Path tmp;
    static Path pristine;
    static Path image;
    static int cases;

    @BeforeAll
    static void train() throws Exception {
        pristine = SmallRun.train(tmp.resolve("pristine"), 4);
        image = tmp.resolve("shoe.png");
        BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setSample(14, 14, 0, 200);
        ImageIO.write(png, "png", image.toFile());
    }

    /** One damage: what it does to a fresh copy of the run directory. */
    @FunctionalInterface
    interface Damage {
        void apply(Path run) throws Exception;
    }

    private static Path copy(String name, Path source) throws IOException {
        Path run = tmp.resolve("case-" + (++cases) + "-" + name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = run.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return run;
    }

    /** Every entry under {@code dir}, links not followed: its kind, size and (for small files) bytes' hash. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what = a.isSymbolicLink() ? "link " + Files.readSymbolicLink(p)
                        : a.isDirectory() ? "dir"
                        : !a.isRegularFile() ? "special"
                        : a.size() > (64 << 20) ? "file " + a.size() + " " + a.lastModifiedTime()
                        : "file " + a.size() + " " + java.util.Arrays.hashCode(Files.readAllBytes(p));
                entries.put(dir.relativize(p).toString(), what);
            }
        }
        return entries;
    }

    private static Path stateFile(Path run, String key) throws IOException {
        return run.resolve(Json.string(Json.asObject(Json.parse(Files.readString(run.resolve("last.json"))), "last"),
                key));
    }

    private static String bestState(Path run) throws IOException {
        return Json.string(Json.asObject(Json.parse(Files.readString(run.resolve("last.json"))), "last"),
                "best_state_file");
    }

    private static Path modelParams(Path run) throws IOException {
        return run.resolve("model").resolve(Json.string(Json.asObject(Json.parse(
                Files.readString(run.resolve("model/lamina-model.json"))), "model"), "parameters_file"));
    }

    private static void edit(Path file, String key, Object value) throws IOException {
        Map<String, Object> json = Json.asObject(Json.parse(Files.readString(file)), file.toString());
        json.put(key, value);
        Files.writeString(file, Json.write(json));
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x5a);
        }
    }

    private static void replaceWith(Path file, Damage how) throws Exception {
        Files.delete(file);
        how.apply(file);
    }

    private static void fifo(Path file) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + file);
    }

    private static void sparse(Path file) throws IOException {
        truncate(file, 3L << 30);
    }

    /** The commands that read a run's checkpoint and a saved model. */
    private static List<String[]> commands(Path run, boolean model) {
        List<String[]> commands = new ArrayList<>();
        if (model) {
            commands.add(new String[] {"predict", run.resolve("model").toString(), image.toString()});
            commands.add(new String[] {"export", run.resolve("model").toString(), "--format", "onnx", "--to",
                    run.getParent().resolve(run.getFileName() + "-export.onnx").toString()});
        } else {
            commands.add(new String[] {"eval", "Plain", "--checkpoint", run.toString(), "--tag", "last",
                    "--data", Fixture.fashionMnistSmall().toString(), "--device", "cpu"});
            commands.add(new String[] {"export", run.toString(), "--tag", "last", "--model", "Plain", "--to",
                    run.getParent().resolve(run.getFileName() + "-export").toString()});
        }
        return commands;
    }

    /** Applies {@code damage} to a copy, runs the commands, and checks exit 2, one line, nothing changed. */
    private static void check(String name, boolean model, String named, Damage damage) throws Exception {
        check(name, pristine, run -> commands(run, model), named, damage);
    }

    /** As {@link #check(String, boolean, String, Damage)} on a copy of {@code source}, with its {@code commands}. */
    private static void check(String name, Path source, java.util.function.Function<Path, List<String[]>> commands,
                              String named, Damage damage) throws Exception {
        Path run = copy(name, source);
        damage.apply(run);
        Map<String, String> before = snapshot(run);
        for (String[] command : commands.apply(run)) {
            CliRun result = CliRun.of(command);
            String what = name + ": lamina " + String.join(" ", command) + "\n" + result.both();
            assertEquals(2, result.code(), what);
            List<String> lines = result.err().strip().lines().toList();
            assertEquals(1, lines.size(), what);
            assertTrue(lines.get(0).startsWith("lamina " + command[0] + ": "), what);
            assertTrue(lines.get(0).contains(named), "the message names " + named + ": " + what);
            assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("inside DJL")
                    || lines.get(0).contains(": null"), what);
            assertEquals(before, snapshot(run), "nothing changed on disk: " + what);
            assertFalse(Files.exists(run.getParent().resolve(run.getFileName() + "-export"), LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(run.getParent().resolve(run.getFileName() + "-export.onnx")), "no export: " + what);
        }
    }

    @Test
    void aDamagedRunIsRefusedOnOneLineWithExit2AndNothingChanges() throws Exception {
        check("params-truncated", false, "last-step", run -> truncate(stateFile(run, "parameters_file"), 100));
        check("params-flipped", false, "last-step", run -> flip(stateFile(run, "parameters_file"), 4000));
        check("params-empty", false, "last-step", run -> truncate(stateFile(run, "parameters_file"), 0));
        check("params-directory", false, "last-step", run -> replaceWith(stateFile(run, "parameters_file"),
                Files::createDirectory));
        check("params-missing", false, "last-step", run -> Files.delete(stateFile(run, "parameters_file")));
        check("state-truncated", false, "last.json", run -> truncate(run.resolve("last.json"), 200));
        check("state-flipped", false, "last.json", run -> flip(run.resolve("last.json"), 0));
        check("state-empty", false, "last.json", run -> truncate(run.resolve("last.json"), 0));
        check("epoch-negative", false, "\"epoch\"", run -> edit(run.resolve("last.json"), "epoch", -5));
        check("epoch-huge", false, "\"epoch\"", run -> edit(run.resolve("last.json"), "epoch", 99999999999L));
        check("epoch-string", false, "\"epoch\"", run -> edit(run.resolve("last.json"), "epoch", "1"));
        check("step-negative", false, "\"step\"", run -> edit(run.resolve("last.json"), "step", -3));
        check("best-epoch", false, "\"best_epoch\"", run -> edit(run.resolve("last.json"), "best_epoch", 7));
        check("format", false, "format", run -> edit(run.resolve("last.json"), "format", "lamina-checkpoint-9"));
        check("params-escape", false, "parameters_file", run -> edit(run.resolve("last.json"), "parameters_file",
                "../pristine/" + stateFile(pristine, "parameters_file").getFileName()));
        check("params-absolute", false, "parameters_file", run -> edit(run.resolve("last.json"), "parameters_file",
                "/etc/passwd"));
        check("params-hash", false, "parameters_sha256", run -> edit(run.resolve("last.json"), "parameters_sha256", 3));
        check("params-bytes", false, "last-step", run -> edit(run.resolve("last.json"), "parameters_bytes", 12));
        check("signature", false, "different model", run -> edit(run.resolve("last.json"), "parameters", Map.of()));
        check("state-dev-zero", false, "last.json", run -> replaceWith(run.resolve("last.json"),
                f -> Files.createSymbolicLink(f, Path.of("/dev/zero"))));
        check("state-fifo", false, "last.json", run -> replaceWith(run.resolve("last.json"), DamageTest::fifo));
        check("state-directory", false, "last.json", run -> replaceWith(run.resolve("last.json"),
                Files::createDirectory));
        check("state-sparse", false, "last.json", run -> replaceWith(run.resolve("last.json"), DamageTest::sparse));
        check("state-dangling-link", false, "last.json", run -> replaceWith(run.resolve("last.json"),
                f -> Files.createSymbolicLink(f, f.resolveSibling("nowhere.json"))));
        if (!readsModeZeroFiles()) {
            check("state-no-permission", false, "last.json", run ->
                    Files.setPosixFilePermissions(run.resolve("last.json"), java.util.Set.of()));
        }
    }

    @Test
    void aDamagedSavedModelIsRefusedOnOneLineWithExit2AndNothingChanges() throws Exception {
        check("model-params-truncated", true, ".params", run -> truncate(modelParams(run), 100));
        check("model-params-flipped", true, ".params", run -> flip(modelParams(run), 3000));
        check("model-params-directory", true, ".params", run -> replaceWith(modelParams(run), Files::createDirectory));
        Path info = Path.of("model", "lamina-model.json");
        check("model-classes-cut", true, "classes", run -> edit(run.resolve(info), "classes", List.of("a", "b", "c")));
        check("model-classes-empty", true, "classes", run -> edit(run.resolve(info), "classes", List.of()));
        check("model-std-tiny", true, "std", run -> edit(run.resolve(info), "normalization",
                Map.of("mean", List.of(0.3), "std", List.of(1e-300))));
        check("model-std-channels", true, "normalization", run -> edit(run.resolve(info), "normalization",
                Map.of("mean", List.of(0.3, 0.3, 0.3), "std", List.of(0.3, 0.3, 0.3))));
        check("model-shape-negative", true, "input_shape", run -> edit(run.resolve(info), "input_shape",
                List.of(1, -28, 28)));
        check("model-shape-string", true, "input_shape", run -> edit(run.resolve(info), "input_shape", "1,28,28"));
        check("model-name", true, "model", run -> edit(run.resolve(info), "model", "Other"));
        check("model-params-escape", true, "parameters_file", run -> edit(run.resolve(info), "parameters_file",
                "../../pristine/model/" + modelParams(pristine).getFileName()));
        check("model-truncated", true, "lamina-model.json", run -> truncate(run.resolve(info), 100));
        check("model-fifo", true, "lamina-model.json", run -> replaceWith(run.resolve(info), DamageTest::fifo));
        check("model-sparse", true, "lamina-model.json", run -> replaceWith(run.resolve(info), DamageTest::sparse));
        check("model-dev-zero", true, "lamina-model.json", run -> replaceWith(run.resolve(info),
                f -> Files.createSymbolicLink(f, Path.of("/dev/zero"))));
    }

    /**
     * Whether this process reads a file of mode 000, tried on a real file: root does, and so does a
     * user with CAP_DAC_OVERRIDE, whatever {@code user.name} says (a container's user may be called
     * anything); the no-permission cases run only where the answer is no.
     */
    static boolean readsModeZeroFiles() throws IOException {
        Path probe = Files.writeString(tmp.resolve("mode-000-probe"), "x");
        Files.setPosixFilePermissions(probe, java.util.Set.of());
        try {
            Files.readAllBytes(probe);
            return true;
        } catch (java.nio.file.AccessDeniedException e) {
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * The recorded plan and history of {@code last.json}, which a resume continues: each field checked
     * on read (issue 21).
     */
    @Test
    void aDamagedPlanOrHistoryIsRefusedOnOneLineWithExit2AndNothingChanges() throws Exception {
        check("config-epochs", false, "\"epochs\" is -5", run -> editNested(run.resolve("last.json"), "config",
                "epochs", -5L));
        check("config-rate", false, "\"learning_rate\" is NaN", run -> editNested(run.resolve("last.json"), "config",
                "learning_rate", "NaN"));
        check("config-batch", false, "\"batch_size\" is 0", run -> editNested(run.resolve("last.json"), "config",
                "batch_size", 0L));
        check("history-accuracy", false, "\"train_accuracy\" is 7.0", run -> {
            Path last = run.resolve("last.json");
            Map<String, Object> json = Json.asObject(Json.parse(Files.readString(last)), "last");
            Map<String, Object> row = Json.asObject(Json.asArray(json.get("history"), "history").get(0), "row");
            row.put("train_accuracy", 7.0);
            Files.writeString(last, Json.write(json));
        });
    }

    private static void editNested(Path file, String object, String key, Object value) throws IOException {
        Map<String, Object> json = Json.asObject(Json.parse(Files.readString(file)), file.toString());
        Json.asObject(json.get(object), object).put(key, value);
        Files.writeString(file, Json.write(json));
    }

    /**
     * The folder record of a run on an image folder ({@code image-folder.json}): every field edited,
     * and the file itself damaged, through {@code lamina eval} and {@code lamina export} (issue 21:
     * every field of every state file is checked on read).
     */
    @Test
    void aDamagedFolderRecordIsRefusedOnOneLineWithExit2AndNothingChanges() throws Exception {
        Path photos = tmp.resolve("photos");
        for (String c : List.of("boot", "shirt")) {
            Files.createDirectories(photos.resolve(c));
            for (int i = 0; i < 6; i++) {
                SmallRun.png(photos.resolve(c).resolve(i + ".png"), 28, 28);
            }
        }
        Path folderRun = tmp.resolve("folder-run");
        CliRun train = CliRun.of("train", "Plain", "--dataset", "folder", "--data", photos.toString(), "--epochs", "1",
                "--batch-size", "4", "--device", "cpu", "--out", folderRun.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        java.util.function.Function<Path, List<String[]>> commands = run -> List.of(
                new String[] {"eval", "--checkpoint", run.toString(), "--device", "cpu"},
                new String[] {"export", run.toString(), "--tag", "last", "--model", "Plain", "--to",
                    run.getParent().resolve(run.getFileName() + "-export").toString()});
        String record = "image-folder.json";
        Object[][] fields = {
            {"format", "lamina-image-folder-9"}, {"data", "photos"}, {"split", "both"}, {"resize", "squash"},
            {"skip_bad_images", "yes"}, {"test_fraction", -1L}, {"test_fraction", "NaN"}, {"split_seed", 1.5},
            {"classes", List.of("shirt", "boot")}, {"classes", List.of()}, {"classes", List.of("boot", "../x")},
            {"test_set", Map.of("images", -1L, "sha256", "00")}, {"test_set", "none"},
        };
        for (Object[] field : fields) {
            String key = (String) field[0];
            check("folder-" + key, folderRun, commands, record + " cannot be read (\"" + key + "\"",
                    run -> edit(run.resolve(record), key, field[1]));
        }
        check("folder-truncated", folderRun, commands, record, run -> truncate(run.resolve(record), 20));
        check("folder-fifo", folderRun, commands, record, run -> replaceWith(run.resolve(record), DamageTest::fifo));
        if (!readsModeZeroFiles()) {
            check("folder-no-permission", folderRun, commands, record, run ->
                    Files.setPosixFilePermissions(run.resolve(record), java.util.Set.of()));
        }
    }

    /** Random flips and truncations of the parameter files: each must be caught by its size or hash. */
    @Test
    void randomDamageToParameterFilesIsAlwaysCaught() throws Exception {
        int count = Integer.getInteger("lamina.damage.count", QUICK_FLIPS);
        Random random = new Random(Long.getLong("lamina.damage.seed", 21));
        for (int i = 0; i < count; i++) {
            boolean model = random.nextBoolean();
            boolean truncate = random.nextBoolean();
            Path params = model ? modelParams(pristine) : stateFile(pristine, "parameters_file");
            long offset = (long) (random.nextDouble() * Files.size(params));
            String file = params.getFileName().toString();
            check("random-" + i, model, file, run -> {
                Path target = model ? modelParams(run) : stateFile(run, "parameters_file");
                if (truncate) {
                    truncate(target, offset);
                } else {
                    flip(target, offset);
                }
            });
        }
        System.out.println("[damage] " + count + " random damages of parameter files, all refused");
    }
}
