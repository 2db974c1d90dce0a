/**
 * The dropout experiment (the project's main job): trains the model family on one dataset with
 * one budget, aggregates accuracy over seeds, and writes {@code results.md}, {@code accuracy.png},
 * {@code runs.csv} and {@code runs.json}. {@link dev.lamina.examples.experiment.TrainingBackend} is
 * the one place that talks to the runtime's data and training API.
 */
package dev.lamina.examples.experiment;
