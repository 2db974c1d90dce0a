package dev.lamina.runtime.data;

import dev.lamina.runtime.InvalidInputException;
import java.util.Objects;

/**
 * The parts of a dataset a training run uses: a training set, an optional validation set taken
 * from the training data, and the test set.
 *
 * @param train what the model learns from
 * @param validation held out from the original training set, or {@code null} when there is none
 * @param test the dataset's own test set
 */
public record DataSplits(ExampleSet train, ExampleSet validation, ExampleSet test) {

    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /** Train and test, no validation set. */
    public DataSplits(ExampleSet train, ExampleSet test) {
        this(train, null, test);
    }

    /** Whether a validation set was split off. */
    public boolean hasValidation() {
        return validation != null;
    }

    /** The set to select models on: the validation set when there is one, else the test set. */
    public ExampleSet validationOrTest() {
        return hasValidation() ? validation : test;
    }

    /**
     * Moves a stratified random {@code fraction} of the training set into a validation set; the
     * same seed gives the same split, and no example is in both.
     *
     * @param fraction in (0, 1)
     * @throws IllegalStateException when a validation set exists already
     */
    public DataSplits withValidation(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidInputException("validation fraction must be in (0, 1), got "
                    + fraction);
        }
        if (hasValidation()) {
            throw new IllegalStateException("validation set already split off from " + train.name());
        }
        int n = (int) Math.round(fraction * train.size());
        if (n == 0 || n == train.size()) {
            throw new InvalidInputException("validation fraction " + fraction + " of "
                    + train.size() + " training examples leaves one side empty");
        }
        int[] held = Sampling.stratified(ExampleSet.knownLabels(train, "a stratified validation set"),
                train.classes(), n,
                Seeds.random(seed, Seeds.VALIDATION));
        int[] kept = Sampling.complement(held, train.size());
        return new DataSplits(train.select(train.name() + " (minus validation)", kept),
                train.select(train.name() + " (validation)", held), test);
    }

    /**
     * Splits one labelled set into a training and a test set: a stratified random {@code
     * testFraction} of every class is tested on, the same for the same seed; no example is in both.
     *
     * @param testFraction in (0, 1)
     * @throws InvalidInputException when the fraction is out of range or leaves a side empty
     */
    public static DataSplits splitTest(ExampleSet all, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidInputException("test fraction must be in (0, 1), got " + testFraction);
        }
        int n = (int) Math.round(testFraction * all.size());
        if (n == 0 || n == all.size()) {
            throw new InvalidInputException("test fraction " + testFraction + " of " + all.size()
                    + " examples leaves one side empty; add examples or give a test folder");
        }
        int[] held = Sampling.stratified(ExampleSet.knownLabels(all, "a stratified test set"),
                all.classes(), n, Seeds.random(seed, Seeds.TEST_SPLIT));
        int[] kept = Sampling.complement(held, all.size());
        return new DataSplits(all.select(all.name() + " train", kept), all.select(all.name() + " test", held));
    }

    /**
     * Stratified subsets of at most {@code maxTrain} training and {@code maxTest} test examples
     * (the validation set, if any, is kept whole), for quick runs.
     */
    public DataSplits subset(int maxTrain, int maxTest, long seed) {
        return new DataSplits(train.subset(maxTrain, seed), validation,
                test.subset(maxTest, seed));
    }
}
