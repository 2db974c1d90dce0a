package dev.lamina.runtime.report;

import dev.lamina.runtime.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes one figure twice from the same drawing code: a PNG and, next to it, an SVG (vector, for
 * papers and slides; JFreeSVG). Each file is written atomically. Needs the optional JFreeChart and
 * JFreeSVG jars (see {@link HistoryFiles#chartsAvailable()}).
 */
public final class Figures {

    private Figures() {}

    /** The SVG written next to {@code png}: the same name with {@code .svg}. */
    public static Path svgBeside(Path png) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".svg");
    }

    /**
     * Draws the figure into a {@code width} x {@code height} PNG at {@code png} and into an SVG of
     * the same size beside it ({@link #svgBeside}).
     *
     * @param painter draws into the graphics it is given, within the rectangle it is given
     */
    public static void write(Path png, int width, int height, BiConsumer<Graphics2D, Rectangle> painter)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Rectangle area = new Rectangle(0, 0, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            painter.accept(g, area);
        } finally {
            g.dispose();
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        painter.accept(svg, area);
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java has no PNG writer (javax.imageio); cannot write " + png);
            }
        });
        AtomicFiles.write(svgBeside(png), out -> out.write(svg.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
    }
}
