/**
 * Checkpoints a user can trust: {@link dev.lamina.runtime.checkpoint.CheckpointStore} keeps a
 * {@code last} and a {@code best} checkpoint in one directory, each a parameter file plus a JSON
 * {@link dev.lamina.runtime.checkpoint.TrainingState} (epoch, step, best metric, history, seed,
 * config, {@link dev.lamina.runtime.checkpoint.ModelSignature model signature}). Every file is
 * written atomically ({@link dev.lamina.runtime.io.AtomicFiles}) and the JSON file, written
 * last, is the commit point, so a crash during a save leaves the previous checkpoint loadable.
 */
package dev.lamina.runtime.checkpoint;
