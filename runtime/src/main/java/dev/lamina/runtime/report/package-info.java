/**
 * What a training run leaves behind for people to read: the per-epoch {@link
 * dev.lamina.runtime.report.EpochStats history}, written as {@code history.csv} and {@code
 * history.json} ({@link dev.lamina.runtime.report.HistoryFiles}) and drawn as {@code history.png}
 * and {@code history.svg} ({@link dev.lamina.runtime.report.HistoryChart}, titled by a {@link
 * dev.lamina.runtime.report.RunCaption}; JFreeChart and JFreeSVG, optional dependencies, headless;
 * {@link dev.lamina.runtime.report.Figures} writes any figure as PNG and SVG). Its JSON goes through
 * {@link dev.lamina.runtime.io.Json}, the runtime's one codec. Depends on nothing else in the
 * runtime but {@code io}.
 */
package dev.lamina.runtime.report;
