package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --plot} of the bench commands and {@code bench plot}: the files' format, series and axes. */
class BenchPlotTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /** One {@code <text>} of an SVG: where it is drawn and what it says. */
    private record Text(double x, double y, String text) {
    }

    @Test
    void latencyDrawsRanksOverSizeAsSvg() throws Exception {
        Path svg = dir.resolve("latency.svg");
        CliRun run = CliRun.of("-n", "2", "bench", "latency", "--max-size", "64", "--iterations", "10", "--no-openmpi",
                "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        List<String> words = texts(svg).stream().map(Text::text).toList();
        assertTrue(words.containsAll(List.of("ping-pong between 2 ranks, device local", "Ranks", "message size (bytes)",
                "one-way latency (us)")), words::toString);
        assertFalse(words.contains("Open MPI C"), words::toString);
    }

    @Test
    void latencyDrawsOpenMpiBesideRanksWhereInstalled() throws Exception {
        assumeTrue(OpenMpiProgram.installed(), "Open MPI (mpicc, mpirun) is not installed");
        Path svg = dir.resolve("latency.svg");
        CliRun run = CliRun.of("-n", "2", "bench", "latency", "--max-size", "64", "--iterations", "10", "--plot",
                svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().containsAll(List.of("Ranks", "Open MPI C")));
        String heading = run.outLines().stream().filter(line -> line.startsWith("size")).findFirst().orElseThrow();
        assertTrue(heading.contains("OpenMPI(us)") && heading.contains("x OpenMPI"), run::toString);
        assertTrue(run.err().contains("timing bench/pingpong.c under Open MPI's mpirun -np 2"), run::toString);
    }

    @Test
    void openMpiIsComparedWithTheLocalDeviceOnly() {
        CliRun run = CliRun.of("-n", "2", "--device", "mpj", "bench", "latency", "--openmpi");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("--openmpi times Open MPI beside the local device only"), run::toString);
    }

    @Test
    void bandwidthDrawsPng() throws Exception {
        Path png = dir.resolve("bw.png");
        CliRun run = CliRun.of("-n", "2", "bench", "bw", "--max-size", "64", "--iterations", "10", "--no-openmpi",
                "--plot", png.toString());

        assertEquals(0, run.exitCode(), run::toString);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        assertTrue(bytes.length > 10_000, "a chart, not a blank image: " + bytes.length + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.gif", "x.SVG.txt", "x"})
    void aSuffixOtherThanSvgOrPngIsAUsageErrorBeforeAnythingRuns(String name) {
        Path file = dir.resolve(name);
        CliRun run = CliRun.of("-n", "2", "bench", "latency", "--max-size", "64", "--plot", file.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("--plot '" + file + "': expected a file ending in .svg or .png\n"), run::toString);
        assertEquals("", run.out(), run::toString);
        assertFalse(Files.exists(file));
    }

    @Test
    void aMissingDirectoryIsAUsageError() {
        Path file = dir.resolve("missing").resolve("x.svg");
        CliRun run = CliRun.of("bench", "queue", "--tasks", "10", "--engines", "threads", "--plot", file.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("--plot '" + file + "': directory '" + file.getParent() + "' does not exist"),
                run::toString);
    }

    @Test
    void collectivesDrawALinePerAlgorithm() throws Exception {
        Path svg = dir.resolve("allreduce.svg");
        CliRun run = CliRun.of("-n", "3", "bench", "allreduce", "--max-size", "64", "--iterations", "5", "--warmup", "1",
                "--algorithm", "ring,reduce_bcast", "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("# algorithm: ring (forced)", "# algorithm: reduce_bcast (forced)"),
                run.outLines().stream().filter(line -> line.startsWith("# algorithm:")).toList(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().containsAll(List.of("allreduce on 3 ranks, device local",
                "ring", "reduce_bcast", "message size (bytes)", "time per call, average over ranks (us)")), run::toString);
    }

    @Test
    void collectivesWithoutAnAlgorithmDrawTheSelectorsChoice() throws Exception {
        Path svg = dir.resolve("bcast.svg");
        CliRun run = CliRun.of("-n", "2", "bench", "bcast", "--max-size", "64", "--iterations", "5", "--warmup", "1",
                "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().contains("selector's choice per size"), run::toString);
    }

    @Test
    void severalAlgorithmsAreForTheLocalDeviceOnly() {
        CliRun run = CliRun.of("-n", "2", "--device", "mpj", "bench", "allreduce", "--algorithm", "ring,reduce_bcast");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("--algorithm ring,reduce_bcast: several algorithms run on the local device only"),
                run::toString);
    }

    @Test
    void queueDrawsABarPerEngineAndWorkerCount() throws Exception {
        Path svg = dir.resolve("queue.svg");
        CliRun run = CliRun.of("bench", "queue", "--tasks", "100", "--engines", "threads,fifo", "--workers", "1,2",
                "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().containsAll(List.of("threads", "fifo", "1 worker",
                "2 workers", "engine", "tasks/s")), run::toString);
    }

    @Test
    void crawlDrawsABarPerCrawler() throws Exception {
        Path svg = dir.resolve("crawl.svg");
        CliRun run = CliRun.of("bench", "crawl", "--pages", "30", "--hosts", "3", "--latency", "1ms", "--ranks", "1,3",
                "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().containsAll(List.of("one thread", "1 rank", "3 ranks",
                "pages/s")), run::toString);
    }

    @Test
    void gpuDrawsEachBackendBesideJava() throws Exception {
        Path svg = dir.resolve("gpu.svg");
        CliRun run = CliRun.of("-n", "1", "bench", "gpu", "--backends", "java", "--vector-size", "1000",
                "--matmul-sizes", "16", "--repeat", "1", "--plot", svg.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(texts(svg).stream().map(Text::text).toList().containsAll(List.of("java", "Java loop",
                "Java parallel stream", "vecadd 1000", "matmul 16", "time (ms)")), run::toString);
    }

    @Test
    void benchPlotDrawsATableOnLogarithmicAxes() throws Exception {
        // y = x over three decades: on logarithmic axes each decade's tick is the same distance from the next.
        Path table = Files.writeString(dir.resolve("figures.tsv"),
                "size\tRanks\tOpen MPI C\n1\t1\t2\n10\t10\t-\n100\t100\t\n1000\t1000\t2000\n");
        Path svg = dir.resolve("plot.svg");
        CliRun run = CliRun.of("bench", "plot", "--plot", svg.toString(), "--y-title", "one-way latency (us)",
                table.toString());

        assertEquals(0, run.exitCode(), run::toString);
        List<Text> texts = texts(svg);
        assertTrue(texts.stream().map(Text::text).toList().containsAll(List.of("ping-pong between 2 ranks", "Ranks",
                "Open MPI C", "message size (bytes)", "one-way latency (us)")), texts::toString);
        List<Text> decades = texts.stream().filter(t -> List.of("1", "10", "100", "1000").contains(t.text())).toList();
        double xAxis = decades.stream().mapToDouble(Text::y).max().orElseThrow();
        // The x axis's labels are centred under their ticks, so each extra digit moves a label left by the
        // same half width: the steps between their left edges are still equal.
        assertEvenSteps(decades.stream().filter(t -> t.y() == xAxis).mapToDouble(Text::x).toArray());
        assertEvenSteps(decades.stream().filter(t -> t.y() != xAxis).mapToDouble(Text::y).toArray());
    }

    @Test
    void benchPlotNamesTheBadCell() throws IOException {
        Path table = Files.writeString(dir.resolve("figures.tsv"), "size\tRanks\n8\t0\n");
        CliRun run = CliRun.of("bench", "plot", "--plot", dir.resolve("plot.svg").toString(), "--y-title", "us",
                table.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("TABLE '" + table + "' row 1: '0' is not a figure: expected a number above 0,"
                + " '-' or nothing\n"), run::toString);
    }

    @Test
    void benchPlotNeedsPlot() throws IOException {
        Path table = Files.writeString(dir.resolve("figures.tsv"), "size\tRanks\n8\t1\n");
        CliRun run = CliRun.of("bench", "plot", "--y-title", "us", table.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("bench plot needs --plot FILE"), run::toString);
    }

    private static void assertEvenSteps(double[] positions) {
        double[] sorted = positions.clone();
        Arrays.sort(sorted);
        assertTrue(sorted.length >= 3, "three decades labelled: " + Arrays.toString(positions));
        double step = sorted[1] - sorted[0];
        for (int i = 2; i < sorted.length; i++) {
            assertEquals(step, sorted[i] - sorted[i - 1], 1.5, Arrays.toString(sorted));
        }
    }

    private static List<Text> texts(Path svg) throws Exception {
        String content = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(content.startsWith("<?xml"), content.substring(0, Math.min(100, content.length())));
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        assertEquals("svg", root.getTagName());
        NodeList nodes = root.getElementsByTagName("text");
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            texts.add(new Text(Double.parseDouble(text.getAttribute("x")), Double.parseDouble(text.getAttribute("y")),
                    text.getTextContent()));
        }
        return texts;
    }
}
