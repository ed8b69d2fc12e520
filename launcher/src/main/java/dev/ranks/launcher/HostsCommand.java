package dev.ranks.launcher;

import dev.ranks.hostfiles.HostEntry;
import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.MapBy;
import dev.ranks.hostfiles.Placement;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code launcher hosts}: shows where a job's ranks would run, as {@code mpirun --display-map}
 * does, without starting anything. Reads the shared {@code --hostfile}, {@code -n} and
 * {@code --map-by}; see {@link SharedOptions}.
 */
@Command(name = "hosts", description = {
    "Prints which host each rank would run on (rank -> host), then each host's ranks and slots, without running"
        + " anything. Needs --hostfile FILE; -n N ranks (default: one per slot); --map-by slot (fill each host in"
        + " turn, the default) or node (round-robin across hosts). Too few slots, or a malformed hostfile, exit 2."
        + " See docs/cluster.md."})
final class HostsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Hostfile hostfile = SharedOptions.hostfile(spec);
        MapBy mapBy = SharedOptions.mapBy(spec);
        int ranks = SharedOptions.ranks(spec).orElse(hostfile.totalSlots());
        Placement placement = hostfile.place(ranks, mapBy, false);
        PrintWriter out = spec.commandLine().getOut();
        placement.lines().forEach(out::println);
        out.println();
        for (HostEntry host : hostfile.hosts()) {
            List<Integer> onHost = placement.ranksOn(host.name());
            out.println(host.name() + ": " + onHost.size() + " of " + host.slots() + " slots"
                    + (onHost.isEmpty() ? "" : ", ranks " + ranges(onHost)));
        }
        out.println(ranks + " ranks on " + placement.ranksByHost().size() + " of " + hostfile.hosts().size()
                + " hosts, mapped by " + mapBy.name().toLowerCase(Locale.ROOT));
        out.flush();
        return 0;
    }

    /** Writes ascending ranks compactly, runs as ranges: {@code 0-3,8,10-11}. */
    static String ranges(List<Integer> ranks) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < ranks.size()) {
            int j = i;
            while (j + 1 < ranks.size() && ranks.get(j + 1) == ranks.get(j) + 1) {
                j++;
            }
            text.append(text.length() == 0 ? "" : ",").append(ranks.get(i));
            if (j > i) {
                text.append('-').append(ranks.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
