package org.eventbooking.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Option;

/**
 * The PNG every scenario writes next to its results: throughput per second on top and, where the
 * scenario measures latency, its p50 and p99 per second below, one line per series.
 */
public final class ResultChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b)};

    /** Where the charts go; a picocli mixin shared by the scenarios. */
    public static final class Options {

        @Option(names = "--results-dir", defaultValue = "benchmarks/results",
                description = "Directory the PNG chart is written to, as <scenario>.png (default: ${DEFAULT-VALUE}).")
        Path resultsDir;

        Path file(String scenario) {
            return resultsDir.resolve(scenario + ".png");
        }
    }

    private ResultChart() {
    }

    /** Draws the series into {@code file} (replaced) and prints where it went. */
    public static Path write(Path file, String title, String throughputLabel, List<Timeline> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection throughput = new XYSeriesCollection();
        XYSeriesCollection latency = new XYSeriesCollection();
        List<Color> latencyColours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Timeline timeline = series.get(i);
            XYSeries perSecond = new XYSeries(timeline.name());
            XYSeries p50 = new XYSeries(timeline.name() + " p50");
            XYSeries p99 = new XYSeries(timeline.name() + " p99");
            for (Timeline.Point point : timeline.points()) {
                perSecond.add(point.second(), point.completed());
                if (!Double.isNaN(point.p50Ms())) {
                    p50.add(point.second(), point.p50Ms());
                    p99.add(point.second(), point.p99Ms());
                }
            }
            throughput.addSeries(perSecond);
            if (!p50.isEmpty()) {
                latency.addSeries(p50);
                latency.addSeries(p99);
                latencyColours.add(colour(i));
                latencyColours.add(colour(i));
            }
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds into the run"));
        List<Color> throughputColours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            throughputColours.add(colour(i));
        }
        plot.add(subplot(throughput, throughputLabel, throughputColours, false), 3);
        if (latency.getSeriesCount() > 0) {
            plot.add(subplot(latency, "latency ms (p50 solid, p99 dashed)", latencyColours, true), 2);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        System.out.printf("chart: %s%n", file);
        return file;
    }

    private static Color colour(int seriesIndex) {
        return COLOURS[seriesIndex % COLOURS.length];
    }

    /** With {@code p50AndP99} the lines come in pairs, p50 then p99, the p99 dashed; a series keeps its colour in both plots. */
    private static XYPlot subplot(XYSeriesCollection data, String label, List<Color> colours, boolean p50AndP99) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
            boolean dashed = p50AndP99 && i % 2 == 1;
            renderer.setSeriesStroke(i, dashed
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.5f));
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
