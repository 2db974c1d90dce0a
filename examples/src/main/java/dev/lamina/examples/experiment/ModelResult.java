package dev.lamina.examples.experiment;

/**
 * One model's runs summarized over seeds: one row of {@code results.md}.
 *
 * @param model the model's name
 * @param parameters trainable parameter count
 * @param dropoutRate element-wise dropout rate between convs for the dropout-rate chart, or
 *        {@code NaN} for models outside that series
 * @param testAccuracy final test accuracy over seeds
 * @param bestEpoch the epoch where the seed-mean test accuracy peaks
 * @param trainTestGap final train accuracy minus final test accuracy, mean over seeds
 * @param secondsPerEpoch training seconds per epoch, mean over seeds
 */
public record ModelResult(String model, long parameters, double dropoutRate, Stats testAccuracy,
                          int bestEpoch, double trainTestGap, double secondsPerEpoch) {

    /** Whether the model is a point of the test-accuracy-vs-dropout-rate series. */
    public boolean inDropoutSeries() {
        return !Double.isNaN(dropoutRate);
    }
}
