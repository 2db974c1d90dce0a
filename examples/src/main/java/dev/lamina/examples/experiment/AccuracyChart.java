package dev.lamina.examples.experiment;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import dev.lamina.runtime.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws {@code accuracy.png} (headless): on the left, final test accuracy per model with
 * +/- one standard deviation over seeds; on the right, test accuracy against the element-wise
 * dropout rate between convs (rate 0 is {@code Plain}).
 */
public final class AccuracyChart {
    /** Size of each of the two panels, in pixels. */
    static final int PANEL_WIDTH = 800;
    static final int PANEL_HEIGHT = 560;

    private AccuracyChart() {
    }

    /** Writes the chart as a PNG of 2 * {@value #PANEL_WIDTH} x {@value #PANEL_HEIGHT} pixels. */
    public static void write(List<ModelResult> results, String subtitle, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            perModel(results, subtitle).draw(g, new java.awt.Rectangle(0, 0, PANEL_WIDTH,
                    PANEL_HEIGHT));
            versusRate(results).draw(g, new java.awt.Rectangle(PANEL_WIDTH, 0, PANEL_WIDTH,
                    PANEL_HEIGHT));
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java has no PNG writer (javax.imageio); cannot write " + file);
            }
        });
    }

    private static JFreeChart perModel(List<ModelResult> results, String subtitle) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ModelResult r : results) {
            data.add(r.testAccuracy().mean(), r.testAccuracy().std(), "test accuracy", r.model());
        }
        JFreeChart chart = ChartFactory.createLineChart("Test accuracy per model (mean ± std)",
                null, "test accuracy", data, PlotOrientation.VERTICAL, false, false, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle + "; y axis zoomed to the data"));
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setSeriesPaint(0, new Color(0x4C72B0));
        renderer.setDrawBarOutline(false);
        plot.setRenderer(renderer);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        zoomToData(plot.getRangeAxis(), results);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart versusRate(List<ModelResult> results) {
        YIntervalSeries series = new YIntervalSeries("DropoutBetweenConvs (0 = Plain)");
        List<ModelResult> inSeries = results.stream().filter(ModelResult::inDropoutSeries).toList();
        for (ModelResult r : inSeries) {
            double mean = r.testAccuracy().mean();
            double std = r.testAccuracy().std();
            series.add(r.dropoutRate(), mean, mean - std, mean + std);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Test accuracy vs dropout rate between convs", "element-wise dropout rate",
                "test accuracy", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0xC44E52));
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(-0.05, 0.55);
        zoomToData(plot.getRangeAxis(), inSeries.isEmpty() ? results : inSeries);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Accuracies differ in the second decimal: show the data's range, not 0..1. */
    private static void zoomToData(org.jfree.chart.axis.ValueAxis axis, List<ModelResult> results) {
        double low = results.stream()
                .mapToDouble(r -> r.testAccuracy().mean() - r.testAccuracy().std()).min().orElse(0);
        double high = results.stream()
                .mapToDouble(r -> r.testAccuracy().mean() + r.testAccuracy().std()).max().orElse(1);
        double margin = Math.max(0.005, (high - low) * 0.15);
        axis.setRange(Math.max(0, low - margin), Math.min(1, high + margin));
    }
}
