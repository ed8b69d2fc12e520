package dev.ranks.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --plot FILE} option of the bench commands. */
final class PlotOption {
    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the figures into FILE, an SVG or PNG chart as its suffix .svg or .png says."
                    + " Checked before anything runs; written by the process that holds rank 0's figures.")
    private Path file;

    /**
     * @return the plot to write, checked; null without {@code --plot}
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) naming a file that has
     *     neither suffix or cannot be written
     */
    BenchPlot plot() {
        return file == null ? null : BenchPlot.to("--plot", file);
    }
}
