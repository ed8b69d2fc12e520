package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The file a bench command's {@code --plot} names, checked before anything is measured, and the
 * charts drawn into it from the rows the command's table prints. JFreeChart draws them; the suffix
 * picks SVG (JFreeSVG, text kept as text) or PNG (the JDK's ImageIO).
 */
final class BenchPlot {
    static {
        // Drawing needs no display: the launcher runs on build machines and cluster nodes without one.
        System.setProperty("java.awt.headless", "true");
        // The workaround draws rotated text, such as the y axis's title, as a TextLayout, which reaches
        // the SVG as glyph outlines; the JDK bug it worked around is long fixed.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private final String option;
    private final Path file;
    private final boolean svg;

    private BenchPlot(String option, Path file, boolean svg) {
        this.option = option;
        this.file = file;
        this.svg = svg;
    }

    /**
     * One line of a line chart.
     *
     * @param name the legend's name, such as {@code Ranks} or {@code Open MPI C}
     * @param x the x values, ascending
     * @param y the y value at each x
     */
    record Line(String name, double[] x, double[] y) {
    }

    /**
     * One series of a bar chart: a bar in each category.
     *
     * @param name the legend's name
     * @param values the value in each category, in the chart's order; null where this series has none
     */
    record Bars(String name, List<Double> values) {
    }

    /**
     * Checks the file a {@code --plot} option names.
     *
     * @param option the option, for messages
     * @param file the file
     * @return the plot that writes it
     * @throws RanksException of class {@link ErrorClass#ARG} naming the file when its suffix is neither
     *     {@code .svg} nor {@code .png}, or it cannot be written
     */
    static BenchPlot to(String option, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new RanksException(ErrorClass.ARG, option + " '" + file + "': expected a file ending in .svg or .png");
        }
        OutFile.check(option, file);
        return new BenchPlot(option, file, name.endsWith(".svg"));
    }

    /**
     * Draws lines over message size, both axes logarithmic: sizes double and times or rates span decades.
     *
     * @param title the chart's title
     * @param yTitle the y axis's title, with its unit
     * @param lines the lines, one per implementation or algorithm; each value must be above 0
     * @throws RanksException of class {@link ErrorClass#ARG} when the file cannot be written
     */
    void sizes(String title, String yTitle, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name(), false, true);
            for (int i = 0; i < line.x().length; i++) {
                series.add(line.x()[i], line.y()[i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, null, null, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(logAxis("message size (bytes)"));
        plot.setRangeAxis(valueAxis(yTitle));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        write(chart);
    }

    /**
     * Draws grouped bars: one group per category, one bar of each series in it.
     *
     * @param title the chart's title
     * @param xTitle the x axis's title, naming what the categories are
     * @param yTitle the y axis's title, with its unit
     * @param categories the groups, left to right
     * @param bars the series
     * @param logY whether the y axis is logarithmic, for values that span decades
     * @throws RanksException of class {@link ErrorClass#ARG} when the file cannot be written
     */
    void bars(String title, String xTitle, String yTitle, List<String> categories, List<Bars> bars, boolean logY) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bars series : bars) {
            for (int i = 0; i < categories.size(); i++) {
                Double value = series.values().get(i);
                if (value != null) {
                    data.addValue(value, series.name(), categories.get(i));
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, xTitle, yTitle, data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        if (logY) {
            // Bars rise from the decade below the smallest value: a logarithmic axis has no 0 to rise from.
            double smallest = bars.stream().flatMap(series -> series.values().stream()).filter(v -> v != null && v > 0)
                    .mapToDouble(Double::doubleValue).min().orElse(1);
            renderer.setIncludeBaseInRange(false);
            renderer.setBase(Math.pow(10, Math.floor(Math.log10(smallest))));
            plot.setRangeAxis(valueAxis(yTitle));
        }
        // Flat bars: the default gradient is noise in a figure, and heavy in SVG.
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        write(chart);
    }

    // LogarithmicAxis rather than LogAxis: LogAxis draws its tick labels as attributed strings, which
    // reach the SVG as glyph outlines (a 17-point chart came to 170 KB); these stay text.
    private static LogarithmicAxis logAxis(String title) {
        return new LogarithmicAxis(title);
    }

    // The vertical axis labels only its decades, so it spans whole decades: at least two labels.
    private static LogarithmicAxis valueAxis(String title) {
        LogarithmicAxis axis = logAxis(title);
        axis.setAutoRangeNextLogFlag(true);
        return axis;
    }

    private void write(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (svg) {
                SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
                chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
                out.write(("<?xml version=\"1.0\"?>\n" + g2.getSVGElement() + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            }
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, option + " '" + file + "' cannot be written (" + e.getMessage()
                    + "): expected a file this user may write", e);
        }
    }
}
