/**
 * File output that survives interruption: {@link dev.lamina.runtime.io.AtomicFiles} replaces a
 * file all at once (temporary file, fsync, atomic rename), so a reader or a run that was killed
 * finds the previous complete file or the new one, never a truncated one. Every file Lamina
 * writes for a user (checkpoints, histories, experiment results and charts) goes through it.
 * {@link dev.lamina.runtime.io.Json} is the one JSON codec of those files (Gson; typed records).
 */
package dev.lamina.runtime.io;
