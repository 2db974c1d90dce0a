package dev.lamina.examples.experiment;

import dev.lamina.runtime.report.Figures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws {@code accuracy.png} and {@code accuracy.svg} (headless): on the left, final test accuracy
 * per model; on the right, test accuracy against the element-wise dropout rate between convs (rate
 * 0 is {@code Plain}). Accuracies differ in the second decimal, so the y axes are zoomed to the
 * data; that is why the figure shows points, never bars (a bar's length on a zoomed axis would
 * exaggerate the differences). Error bars (+/- one sample standard deviation over seeds) are drawn
 * only for models with two or more seeds, and the subtitle says what the points and bars are.
 */
public final class AccuracyChart {
    /** Size of each of the two panels, in pixels. */
    static final int PANEL_WIDTH = 800;
    static final int PANEL_HEIGHT = 600;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private AccuracyChart() {
    }

    /**
     * Writes the chart as a PNG of 2 * {@value #PANEL_WIDTH} x {@value #PANEL_HEIGHT} pixels at
     * {@code png}, and as an SVG beside it.
     */
    public static void write(List<ModelResult> results, ExperimentCaption caption, Path png) throws IOException {
        JFreeChart left = perModel(results, caption);
        JFreeChart right = versusRate(results, caption);
        Figures.write(png, 2 * PANEL_WIDTH, PANEL_HEIGHT, (g, area) -> {
            left.draw(g, new Rectangle(area.x, area.y, PANEL_WIDTH, PANEL_HEIGHT));
            right.draw(g, new Rectangle(area.x + PANEL_WIDTH, area.y, PANEL_WIDTH, PANEL_HEIGHT));
        });
    }

    /** The left panel: one point per model, in the order of {@code results}. */
    static JFreeChart perModel(List<ModelResult> results, ExperimentCaption caption) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ModelResult r : results) {
            Stats s = r.testAccuracy();
            data.add((Number) s.mean(), s.n() >= 2 ? (Number) s.std() : null, "test accuracy", r.model());
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, new Color(0x4C72B0));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        NumberAxis y = new NumberAxis("test accuracy");
        zoomToData(y, results);
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return titled(new JFreeChart("Final test accuracy per model", TITLE, plot, false), caption, results);
    }

    /** The right panel: the DropoutBetweenConvs series against its rate. */
    static JFreeChart versusRate(List<ModelResult> results, ExperimentCaption caption) {
        YIntervalSeries series = new YIntervalSeries("DropoutBetweenConvs (rate 0 = Plain)");
        List<ModelResult> inSeries = results.stream().filter(ModelResult::inDropoutSeries).toList();
        for (ModelResult r : inSeries) {
            Stats s = r.testAccuracy();
            double spread = s.n() >= 2 ? s.std() : 0;
            series.add(r.dropoutRate(), s.mean(), s.mean() - spread, s.mean() + spread);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(allHaveSeveralSeeds(inSeries));
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0xC44E52));
        renderer.setErrorPaint(Color.BLACK);
        NumberAxis x = new NumberAxis("element-wise dropout rate between the convs");
        x.setRange(-0.05, 0.55);
        NumberAxis y = new NumberAxis("test accuracy");
        zoomToData(y, inSeries.isEmpty() ? results : inSeries);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return titled(new JFreeChart("Test accuracy vs dropout rate between convs", TITLE, plot, true), caption,
                inSeries);
    }

    private static JFreeChart titled(JFreeChart chart, ExperimentCaption caption, List<ModelResult> shown) {
        for (String line : caption.lines()) {
            chart.addSubtitle(new TextTitle(line, SUBTITLE));
        }
        chart.addSubtitle(new TextTitle(marks(shown), SUBTITLE));
        chart.addSubtitle(new TextTitle("y axis zoomed to the data: it does not start at 0", SUBTITLE));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** What the points and error bars are, for the models shown. */
    static String marks(List<ModelResult> shown) {
        int min = shown.stream().mapToInt(r -> r.testAccuracy().n()).min().orElse(0);
        int max = shown.stream().mapToInt(r -> r.testAccuracy().n()).max().orElse(0);
        if (max <= 1) {
            return "points: one run per model (one seed), so no error bars";
        }
        if (min == max) {
            return String.format(Locale.ROOT, "points: mean of %d seeds; bars: ± 1 sample standard deviation over"
                    + " the seeds", min);
        }
        return String.format(Locale.ROOT, "points: mean of %d to %d seeds; bars (± 1 sample standard deviation)"
                + " only where 2 or more", min, max);
    }

    private static boolean allHaveSeveralSeeds(List<ModelResult> results) {
        return !results.isEmpty() && results.stream().allMatch(r -> r.testAccuracy().n() >= 2);
    }

    /** Accuracies differ in the second decimal: show the data's range (with its error bars), not 0..1. */
    private static void zoomToData(ValueAxis axis, List<ModelResult> results) {
        double low = results.stream().mapToDouble(r -> r.testAccuracy().mean() - spread(r)).min().orElse(0);
        double high = results.stream().mapToDouble(r -> r.testAccuracy().mean() + spread(r)).max().orElse(1);
        double margin = Math.max(0.005, (high - low) * 0.15);
        axis.setRange(Math.max(0, low - margin), Math.min(1, high + margin));
    }

    private static double spread(ModelResult r) {
        return r.testAccuracy().n() >= 2 ? r.testAccuracy().std() : 0;
    }
}
