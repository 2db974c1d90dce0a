/**
 * What a training run leaves behind for people to read: the per-epoch {@link
 * dev.lamina.runtime.report.EpochStats history}, written as {@code history.csv} and {@code
 * history.json} ({@link dev.lamina.runtime.report.HistoryFiles}) and drawn as {@code history.png}
 * ({@link dev.lamina.runtime.report.HistoryChart}, JFreeChart, headless), plus the tiny {@link
 * dev.lamina.runtime.report.Json} reader/writer those files and the checkpoint state use.
 * Depends on nothing else in the runtime.
 */
package dev.lamina.runtime.report;
