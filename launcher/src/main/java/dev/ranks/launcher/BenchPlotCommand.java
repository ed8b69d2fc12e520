package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code launcher bench plot}: draws figures that were measured outside the launcher, such as the
 * references {@code bin/bench-compare} and {@code bin/bench-compare-mpj} time beside Ranks, on the
 * chart the ping-pong benchmarks draw.
 */
@Command(name = "plot", description = {
    "Draws a table of figures over message size as lines, both axes logarithmic, into --plot FILE: how"
        + " bin/bench-compare and bin/bench-compare-mpj draw Ranks beside the references they time.",
    "TABLE is tab-separated: a heading line 'size', then one name per line to draw; then a row per message size,"
        + " a figure per line; an empty cell or '-' leaves that size out of that line."})
final class BenchPlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PlotOption plotOption;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "ping-pong between 2 ranks",
            description = "The chart's title. Default: ${DEFAULT-VALUE}.")
    private String title;

    @Option(names = "--y-title", paramLabel = "TEXT", required = true,
            description = "The y axis's title, with the unit, such as 'one-way latency (us)'.")
    private String yTitle;

    @Parameters(paramLabel = "TABLE", description = "The tab-separated table.")
    private Path tableFile;

    @Override
    public Integer call() {
        BenchPlot plot = plotOption.plot();
        if (plot == null) {
            throw new ParameterException(spec.commandLine(), "bench plot needs --plot FILE: the chart it draws");
        }
        plot.sizes(title, yTitle, lines(read()));
        return 0;
    }

    private List<String> read() {
        try {
            return Files.readAllLines(tableFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, "TABLE '" + tableFile + "' cannot be read (" + e.getMessage()
                    + "): expected a tab-separated table", e);
        }
    }

    private List<BenchPlot.Line> lines(List<String> text) {
        List<String> rows = text.stream().filter(line -> !line.isBlank()).toList();
        String[] heading = rows.isEmpty() ? new String[0] : rows.get(0).split("\t", -1);
        if (heading.length < 2 || !heading[0].equals("size")) {
            throw new RanksException(ErrorClass.ARG, "TABLE '" + tableFile + "' begins with '"
                    + (rows.isEmpty() ? "" : rows.get(0)) + "': expected a heading 'size', then a tab and a name per line");
        }
        List<BenchPlot.Line> lines = new ArrayList<>();
        for (int column = 1; column < heading.length; column++) {
            List<double[]> points = new ArrayList<>();
            for (int r = 1; r < rows.size(); r++) {
                String[] cells = rows.get(r).split("\t", -1);
                String cell = column < cells.length ? cells[column].strip() : "";
                if (!cell.isEmpty() && !cell.equals("-")) {
                    points.add(new double[] {number(cells[0], r), number(cell, r)});
                }
            }
            lines.add(new BenchPlot.Line(heading[column], points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return lines;
    }

    // Both axes are logarithmic, so every size and figure must be above 0.
    private double number(String cell, int row) {
        double value;
        try {
            value = Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new RanksException(ErrorClass.ARG, "TABLE '" + tableFile + "' row " + row + ": '" + cell
                    + "' is not a figure: expected a number above 0, '-' or nothing");
        }
        return value;
    }
}
