package dev.lamina.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the history as a PNG and an SVG: loss per epoch on top, accuracy per epoch below, training
 * and evaluation (test or validation) as two lines each; the title names the model and the run,
 * the subtitles the data and the settings. Runs headless (no display needed).
 */
public final class HistoryChart {

    private static final Color TRAIN = new Color(0x1f77b4), EVAL = new Color(0xd62728);

    private HistoryChart() {}

    /** Size of the figure, in pixels (PNG) or points (SVG). */
    static final int WIDTH = 800, HEIGHT = 600;

    /** Writes the chart to {@code png} and the same chart as SVG beside it ({@link Figures#svgBeside}). */
    public static void write(Path png, List<EpochStats> history, String evalName, RunCaption caption)
            throws IOException {
        JFreeChart chart = chart(history, evalName, caption);
        Figures.write(png, WIDTH, HEIGHT, chart::draw);
    }

    static JFreeChart chart(List<EpochStats> history, String evalName, RunCaption caption) {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        plot.add(subplot("loss", history, EpochStats::trainLoss, EpochStats::evalLoss, evalName), 1);
        boolean regression = !history.isEmpty() && history.stream().allMatch(s -> Double.isNaN(s.evalAccuracy()))
                && history.get(0).evalMetrics().containsKey("r2");
        if (regression) {
            // a regression has no accuracy: its panel is R^2 on the evaluation set (what chooses the best epoch)
            plot.add(subplot("R^2", history, s -> Double.NaN, s -> s.evalMetrics().get("r2"), evalName), 1);
        } else {
            plot.add(subplot("accuracy", history, EpochStats::trainAccuracy, EpochStats::evalAccuracy,
                    evalName), 1);
        }
        JFreeChart chart = new JFreeChart(caption.title(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        for (String line : caption.details()) {
            chart.addSubtitle(new TextTitle(line, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot subplot(String metric, List<EpochStats> history, ToDoubleFunction<EpochStats> train,
                                  ToDoubleFunction<EpochStats> eval, String evalName) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("train " + metric, history, train));
        data.addSeries(series(evalName + " " + metric, history, eval));
        NumberAxis axis = new NumberAxis(metric);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, TRAIN);
        renderer.setSeriesPaint(1, EVAL);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static XYSeries series(String name, List<EpochStats> history, ToDoubleFunction<EpochStats> value) {
        XYSeries series = new XYSeries(name);
        for (EpochStats s : history) {
            double v = value.applyAsDouble(s);
            if (Double.isFinite(v)) {
                series.add(s.epoch(), v);
            }
        }
        return series;
    }
}
