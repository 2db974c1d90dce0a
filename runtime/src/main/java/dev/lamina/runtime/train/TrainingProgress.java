package dev.lamina.runtime.train;

import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.EvalTarget;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells a person how training goes. On a terminal it redraws one bar per epoch with carriage
 * returns ({@code epoch 1/2 [=====>    ] 120/469 loss 0.5123 lr 1.00e-03 2400 img/s ETA 0:12}); on a log (CI,
 * a file) it prints the same facts as one plain line every {@code logEvery} batches. Either way it
 * ends each epoch with one summary line.
 */
public final class TrainingProgress {

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final int logEvery;
    private int epochs;
    private int epoch;
    private int batches;
    private long lastDraw;

    /**
     * @param out where to print, or {@code null} for silence
     * @param terminal redraw a bar (true) or print lines (false)
     * @param logEvery batches between lines when not a terminal
     */
    public TrainingProgress(PrintStream out, boolean terminal, int logEvery) {
        this.out = out;
        this.terminal = terminal;
        this.logEvery = logEvery;
    }

    /** One line of information (device choice, resume, ...). */
    public void info(String line) {
        if (out != null) {
            out.println(line);
        }
    }

    /** A new epoch of {@code batches} batches starts. */
    public void epochStarted(int epoch, int epochs, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = batches;
        this.lastDraw = 0;
    }

    /**
     * Batch {@code batch} (1-based) is done.
     *
     * @param meanLoss mean training loss of the epoch so far
     * @param images images trained on in this epoch so far
     * @param elapsedNanos time since the epoch started
     * @param learningRate the rate of this batch's optimizer step
     */
    public void batchDone(int batch, double meanLoss, long images, long elapsedNanos, double learningRate) {
        if (out == null) {
            return;
        }
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? images / seconds : 0;
        double eta = batch > 0 ? seconds / batch * (batches - batch) : 0;
        String facts = String.format(Locale.ROOT, "%d/%d loss %.4f lr %.2e %.0f img/s ETA %s", batch, batches,
                meanLoss, learningRate, rate, clock(eta));
        if (terminal) {
            long now = System.nanoTime();
            if (batch == batches || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + prefix() + " " + bar(batch) + " " + facts + "   ");
                out.flush();
            }
        } else if (batch % logEvery == 0 || batch == batches) {
            out.println(prefix() + " batch " + facts);
        }
    }

    /** The epoch is done; prints its summary line. */
    public void epochDone(EpochStats s, EvalTarget evalTarget) {
        if (out == null) {
            return;
        }
        if (terminal) {
            out.println();
        }
        if (!s.evalMetrics().isEmpty()) {
            // binary, multi-label, regression: the task's metrics after the loss (regression has no accuracy)
            StringBuilder metrics = new StringBuilder();
            if (!Double.isNaN(s.evalAccuracy())) {
                metrics.append(String.format(Locale.ROOT, " acc %.4f", s.evalAccuracy()));
            }
            s.evalMetrics().forEach((name, value) -> metrics.append(String.format(Locale.ROOT, " %s %.4f", name, value)));
            out.println(String.format(Locale.ROOT, "%s: train loss %.4f%s | %s loss %.4f%s | %.1f s, %.0f img/s",
                    prefix(), s.trainLoss(), Double.isNaN(s.trainAccuracy()) ? ""
                            : String.format(Locale.ROOT, " acc %.4f", s.trainAccuracy()),
                    evalTarget, s.evalLoss(), metrics, s.seconds(), s.imagesPerSecond()));
            return;
        }
        out.println(String.format(Locale.ROOT,
                "%s: train loss %.4f acc %.4f | %s loss %.4f acc %.4f | %.1f s, %.0f img/s",
                prefix(), s.trainLoss(), s.trainAccuracy(), evalTarget, s.evalLoss(), s.evalAccuracy(),
                s.seconds(), s.imagesPerSecond()));
    }

    private String prefix() {
        return "epoch " + epoch + "/" + epochs;
    }

    private String bar(int batch) {
        int filled = batches == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * batch / batches);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < BAR_WIDTH; i++) {
            sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return sb.append(']').toString();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
