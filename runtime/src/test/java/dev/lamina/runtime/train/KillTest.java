package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.checkpoint.TrainingState;
import dev.lamina.runtime.report.EpochStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a training JVM ({@code SIGKILL}, {@link Process#destroyForcibly}) at random moments, half
 * of them a few milliseconds after an epoch's line, i.e. while its checkpoint is being written,
 * resumes it each time, and checks that the run ends exactly like one that was never interrupted:
 * same history, {@code best} holding the history's best epoch and agreeing with {@code last}, no
 * temporary files left (issue 15, failure 5).
 *
 * <p>Kill moments are drawn within the time one whole run takes on this machine; when a run reaches
 * its end before all kills are spent, it is checked and another starts in a fresh directory.
 * {@code mvn verify} runs 20 kills. The longer campaign of docs/reliability.md:
 * {@code mvn -B -o test -pl runtime -Dtest=KillTest -Dlamina.kill.count=40 -Dlamina.kill.epochs=12 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KillTest {

    @TempDir
    Path dir;

    private static final int KILLS = Integer.getInteger("lamina.kill.count", 20);
    private static final int EPOCHS = Integer.getInteger("lamina.kill.epochs", 6);

    private static Process start(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-DDJL_OFFLINE=true", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KillTestChild.class.getName(), out.toString(),
                String.valueOf(EPOCHS))
                .redirectErrorStream(true).start();
    }

    /** Right after a kill, before any clean-up: the committed last and best name the same best epoch. */
    private static void assertLastAndBestAgree(Path dir, int kill) {
        CheckpointStore store = new CheckpointStore(dir);
        if (!store.exists(CheckpointStore.LAST)) {
            return;
        }
        int bestEpoch = store.loadState(CheckpointStore.LAST).bestEpoch();
        assertEquals(bestEpoch, store.loadState(CheckpointStore.BEST).epoch(), "after kill " + (kill + 1)
                + ": last.json names best epoch " + bestEpoch + " but the best checkpoint holds another");
    }

    @Test
    void aRunKilledAtRandomMomentsEndsLikeAnUninterruptedOne() throws Exception {
        Path reference = dir.resolve("uninterrupted");
        long began = System.nanoTime();
        Process whole = start(reference);
        String log = new String(whole.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, whole.waitFor(), log);
        // kill moments are drawn within the length of a whole run on this machine, so a fast machine
        // gets as many mid-run kills as a slow one
        int wholeRunMs = (int) Math.max(1, (System.nanoTime() - began) / 1_000_000);

        Random random = new Random(15);
        int kills = 0;
        int afterEpochLine = 0;
        int runs = 0;
        int campaigns = 0;
        // a campaign resumes one run directory until a start finishes; a run that finishes before
        // KILLS kills is checked and another campaign starts in a fresh directory
        while (kills < KILLS) {
            campaigns++;
            Path killed = dir.resolve("killed-" + campaigns);
            while (true) {
                runs++;
                Process p = start(killed);
                boolean killNow = kills < KILLS;
                boolean atSave = random.nextBoolean();
                long delayMs = atSave ? random.nextInt(15) : random.nextInt(wholeRunMs);
                BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                long start = System.nanoTime();
                boolean killedIt = false;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (killNow && atSave && line.contains("train loss")) {
                        Thread.sleep(delayMs);
                        p.destroyForcibly();
                        killedIt = true;
                        break;
                    }
                    if (killNow && !atSave && (System.nanoTime() - start) / 1_000_000 >= delayMs) {
                        p.destroyForcibly();
                        killedIt = true;
                        break;
                    }
                }
                if (!killedIt && killNow && !atSave) {
                    // the run printed nothing more before the moment: kill at the moment itself
                    long left = delayMs - (System.nanoTime() - start) / 1_000_000;
                    if (!p.waitFor(Math.max(left, 0), TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly();
                        killedIt = true;
                    }
                }
                p.waitFor();
                if (killedIt) {
                    assertLastAndBestAgree(killed, kills);
                    kills++;
                    if (atSave) {
                        afterEpochLine++;
                    }
                    continue;
                }
                if (p.exitValue() == 0) {
                    break;
                }
                throw new AssertionError("the resumed run failed with exit " + p.exitValue() + " after " + kills
                        + " kills; its output ends the stream above");
            }
            assertEndsLike(reference, killed);
        }
        System.out.printf("[kill] %d kills (%d within ms of an epoch's checkpoint), %d starts, %d runs to the end%n",
                kills, afterEpochLine, runs, campaigns);

    }

    /** The killed and resumed run in {@code killed} ended exactly like the uninterrupted one. */
    private static void assertEndsLike(Path reference, Path killed) throws IOException {
        CheckpointStore expected = new CheckpointStore(reference);
        CheckpointStore actual = new CheckpointStore(killed);
        TrainingState last = actual.loadState(CheckpointStore.LAST);
        List<EpochStats> history = last.history();
        List<EpochStats> want = expected.loadState(CheckpointStore.LAST).history();
        assertEquals(EPOCHS, history.size());
        for (int i = 0; i < want.size(); i++) {
            EpochStats a = history.get(i);
            EpochStats b = want.get(i);
            assertEquals(b.epoch(), a.epoch());
            assertEquals(b.trainLoss(), a.trainLoss(), 1e-6, "train loss of epoch " + b.epoch());
            assertEquals(b.trainAccuracy(), a.trainAccuracy(), 1e-9, "train accuracy of epoch " + b.epoch());
            assertEquals(b.evalLoss(), a.evalLoss(), 1e-6, "validation loss of epoch " + b.epoch());
            assertEquals(b.evalAccuracy(), a.evalAccuracy(), 1e-9, "validation accuracy of epoch " + b.epoch());
        }
        int bestInHistory = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (EpochStats s : history) {
            if (s.evalAccuracy() > bestAccuracy) {
                bestAccuracy = s.evalAccuracy();
                bestInHistory = s.epoch();
            }
        }
        assertEquals(bestInHistory, last.bestEpoch(), "last.json's best epoch");
        assertEquals(bestInHistory, actual.loadState(CheckpointStore.BEST).epoch(), "the best checkpoint");
        assertEquals(bestInHistory, TrainingState.fromJson(dev.lamina.runtime.io.Json.asObject(
                dev.lamina.runtime.io.Json.parse(Files.readString(killed.resolve("best.json"))), "best.json"))
                .epoch(), "best.json, the copy people read");
        try (Stream<Path> files = Files.list(killed)) {
            List<String> left = new ArrayList<>(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp")).toList());
            assertEquals(List.of(), left, "temporary files left behind");
        }
    }
}
