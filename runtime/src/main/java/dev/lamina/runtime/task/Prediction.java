package dev.lamina.runtime.task;

import java.util.ArrayList;
import java.util.List;

/**
 * One example's prediction, read from the network's raw output row by its task ({@link
 * TaskSpec#interpret}).
 */
public sealed interface Prediction {

    /** Multi-class: a probability per class (softmax of the logits), summing to 1. */
    record Classes(List<String> classes, double[] probabilities) implements Prediction {

        /** The most probable class. */
        public String best() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return classes.get(best);
        }
    }

    /**
     * Binary: the probability of the positive class (the sigmoid of the logit) and the answer at
     * the threshold: {@code positive} when the probability is at least the threshold.
     */
    record Binary(String negative, String positive, double probability, double threshold) implements Prediction {

        public boolean isPositive() {
            return probability >= threshold;
        }

        /** The class predicted at the threshold. */
        public String answer() {
            return isPositive() ? positive : negative;
        }
    }

    /**
     * Multi-label: a probability per label (the sigmoid of each logit, independent) and the set
     * predicted at the threshold: the labels whose probability is at least the threshold.
     */
    record Labels(List<String> labels, double[] probabilities, double threshold) implements Prediction {

        /** The labels predicted at the threshold, in label order. */
        public List<String> predicted() {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < probabilities.length; i++) {
                if (probabilities[i] >= threshold) {
                    set.add(labels.get(i));
                }
            }
            return set;
        }
    }

    /** Regression: the values, denormalized into the targets' units. */
    record Values(List<String> targets, double[] values) implements Prediction {}
}
