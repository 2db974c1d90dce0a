package dev.lamina.runtime.train;

/**
 * A model's loss and accuracy on a data set, measured with training off (no dropout, batch norm
 * uses its running statistics).
 *
 * @param loss mean softmax cross-entropy
 * @param accuracy fraction classified right
 * @param examples how many examples were measured
 * @param confusion per (true class, predicted class) counts, over the model's output classes
 */
public record Evaluation(double loss, double accuracy, int examples, ConfusionMatrix confusion) {}
