/**
 * A training run's directory and the use cases over it, the same for Java and for the {@code
 * lamina} command: {@link dev.lamina.runtime.run.RunDirectory} owns every file of a run
 * (checkpoints, history, the chosen model in {@code model/}, what the run recorded about its data
 * and model, the writer's lock) and trains, chooses and saves, exports a checkpoint's model from
 * memory, and reads a run's data again as it trained on it. The top of the runtime: it uses {@code
 * train} and {@code model}, which do not know each other, and nothing in the runtime uses it.
 */
package dev.lamina.runtime.run;
