package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.train.LearningRateSchedule;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment's figure: what it says, how it marks uncertainty, and redrawing it from runs.json. */
class FiguresTest {

    private static final String PLAN = "preset full: 2 models x 3 seed(s) [1, 2, 3], 4 epoch(s), batch 64,"
            + " Adam lr 0.001, stratified subset of 20000 training examples, full test set, fashion-mnist"
            + " from /usr/share/datasets/fashion-mnist, device auto";

    private static RunRecord run(String model, long seed, double accuracy) {
        return new RunRecord(model, 1000, seed, List.of(new EpochRecord(1, 0.5, 0.8, accuracy, 3.0)));
    }

    private static final List<RunRecord> ONE_SEED = List.of(run("Plain", 1, 0.88), run("DropoutBetweenConvs50", 1, 0.83));
    private static final List<RunRecord> THREE_SEEDS = List.of(
            run("Plain", 1, 0.88), run("DropoutBetweenConvs50", 1, 0.83),
            run("Plain", 2, 0.89), run("DropoutBetweenConvs50", 2, 0.81),
            run("Plain", 3, 0.87), run("DropoutBetweenConvs50", 3, 0.85));

    private static List<ModelResult> results(List<RunRecord> runs) {
        return Aggregation.summarize(runs, ExperimentFamily.forDataset(DatasetKind.FASHION_MNIST));
    }

    private static List<String> subtitles(JFreeChart chart) {
        return chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(t -> ((TextTitle) t).getText()).toList();
    }

    @Test
    void theCaptionReadsThePlanAsExperimentPlanDescribesItWithOrWithoutASchedule() {
        ExperimentPlan plan = new ExperimentPlan("default (customized by flags)", List.of("Plain"), List.of(4L, 5L),
                new TrainingBackend.Budget(new dev.lamina.runtime.train.TrainingSettings(3, 32, 0.002f,
                        LearningRateSchedule.cosine(0.05), 0f, 1, 0, 0), "cpu"), 0,
                DatasetKind.FASHION_MNIST, null, Path.of("out"));
        ExperimentCaption fresh = ExperimentCaption.of(plan.describe(), List.of(run("Plain", 4, 0.8), run("Plain", 5, 0.8)));
        assertEquals(new ExperimentCaption("fashion-mnist", "all", 3, 32, "0.002", "cosine:0.05", List.of(4L, 5L)), fresh);
        assertEquals(List.of("fashion-mnist: trained on all training examples, tested on the full test set",
                "3 epoch(s), batch 32, Adam lr 0.002 (cosine:0.05), seeds 4, 5"), fresh.lines());

        // runs.json files written before the schedule was recorded trained at a constant rate
        ExperimentCaption old = ExperimentCaption.of(PLAN, ONE_SEED);
        assertEquals(List.of("fashion-mnist: trained on a stratified subset of 20000 training examples, tested on"
                + " the full test set", "4 epoch(s), batch 64, Adam lr 0.001 (constant), seed 1"), old.lines());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ExperimentCaption.of("preset quick", ONE_SEED));
        assertTrue(bad.getMessage().contains("'preset quick'"), bad.getMessage());
    }

    @Test
    void oneSeedGivesPointsWithoutErrorBarsAndSaysSo() {
        ExperimentCaption caption = ExperimentCaption.of(PLAN, ONE_SEED);
        JFreeChart perModel = AccuracyChart.perModel(results(ONE_SEED), caption);
        CategoryPlot plot = perModel.getCategoryPlot();
        assertInstanceOf(StatisticalLineAndShapeRenderer.class, plot.getRenderer(), "points, not bars");
        assertFalse(plot.getRenderer() instanceof BarRenderer);
        DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset) plot.getDataset();
        assertNull(data.getStdDevValue("test accuracy", "Plain"), "no error bar from a single seed");
        assertTrue(subtitles(perModel).contains("points: one run per model (one seed), so no error bars"),
                subtitles(perModel).toString());
        assertTrue(subtitles(perModel).containsAll(caption.lines()), "dataset, subset, epochs, rate, seeds");

        XYPlot rate = AccuracyChart.versusRate(results(ONE_SEED), caption).getXYPlot();
        assertFalse(((XYErrorRenderer) rate.getRenderer()).getDrawYError());
    }

    @Test
    void severalSeedsGiveErrorBarsOfOneSampleStandardDeviationOnAZoomedAxisThatSaysItIsZoomed() {
        JFreeChart perModel = AccuracyChart.perModel(results(THREE_SEEDS), ExperimentCaption.of(PLAN, THREE_SEEDS));
        CategoryPlot plot = perModel.getCategoryPlot();
        DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset) plot.getDataset();
        assertEquals(0.88, data.getMeanValue("test accuracy", "Plain").doubleValue(), 1e-12);
        assertEquals(0.01, data.getStdDevValue("test accuracy", "Plain").doubleValue(), 1e-12, "sample std of .88 .89 .87");
        assertTrue(subtitles(perModel).contains("points: mean of 3 seeds; bars: ± 1 sample standard deviation over"
                + " the seeds"), subtitles(perModel).toString());
        double low = plot.getRangeAxis().getLowerBound();
        assertTrue(low > 0.7 && low < 0.81, "zoomed to the data (0.81 - 0.02 and a margin): " + low);
        assertTrue(subtitles(perModel).contains("y axis zoomed to the data: it does not start at 0"));

        XYPlot rate = AccuracyChart.versusRate(results(THREE_SEEDS), ExperimentCaption.of(PLAN, THREE_SEEDS)).getXYPlot();
        assertTrue(((XYErrorRenderer) rate.getRenderer()).getDrawYError());
    }

    @Test
    void redrawWritesPngAndSvgFromRunsJsonAlone(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(Experiment.RUNS_JSON), RunsFiles.json(PLAN,
                new Experiment.Conditions(Machine.current(), Machine.Load.now(), Machine.Load.now()), THREE_SEEDS));

        Path png = RedrawFigures.redraw(dir);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "accuracy.png is a readable PNG");
        assertEquals(2 * AccuracyChart.PANEL_WIDTH, image.getWidth());
        assertEquals(AccuracyChart.PANEL_HEIGHT, image.getHeight());
        String svg = Files.readString(dir.resolve(Experiment.ACCURACY_SVG));
        assertTrue(svg.contains("<svg ") && svg.contains("Final test accuracy per model")
                && svg.contains("seeds 1, 2, 3"), "the SVG holds the same figure, its text as text");
    }

    @Test
    void redrawRefusesADirectoryWithoutRunsOrWithABrokenFileNamingIt(@TempDir Path dir) throws IOException {
        IOException none = assertThrows(IOException.class, () -> RedrawFigures.redraw(dir));
        assertTrue(none.getMessage().contains("holds no runs.json"), none.getMessage());

        Files.writeString(dir.resolve(Experiment.RUNS_JSON), "{\"plan\": \"x\", \"runs\": [{\"model\": 3}]}");
        IOException broken = assertThrows(IOException.class, () -> RedrawFigures.redraw(dir));
        assertTrue(broken.getMessage().contains(dir.resolve(Experiment.RUNS_JSON).toString())
                && broken.getMessage().contains("not a runs.json"), broken.getMessage());
        assertFalse(Files.exists(dir.resolve(Experiment.ACCURACY_PNG)));
    }
}
