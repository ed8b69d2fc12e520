package dev.ranks.hostfiles;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The hosts a job may run on, each with its slots: what {@code mpirun --hostfile} (Open MPI),
 * {@code mpiexec -f} (MPICH) and {@code mpjrun -machinesfile} (MPJ Express) read.
 *
 * <p>Each line is detected on its own, so the three formats may be mixed in one file:
 *
 * <ul>
 *   <li>Open MPI: {@code node01 slots=4 max_slots=8}; {@code slots} and {@code max_slots} (also
 *       spelt {@code max-slots}) are optional, in any order;
 *   <li>MPICH: {@code node01:4}, host and slot count;
 *   <li>plain (an MPJ Express machines file): {@code node01}, one slot.
 * </ul>
 *
 * <p>{@code #} starts a comment, whole-line or trailing; blank lines and surrounding whitespace are
 * ignored. A host with no count has one slot. A host listed on several lines appears once, in the
 * position of its first line, with the slots of all its lines added up, as in Open MPI; its
 * {@code max_slots} are added up too, and it has no limit if any of its lines sets none. Host names
 * are letters, digits, {@code -}, {@code .} and {@code _}, or IPv4 addresses; IPv6 addresses are
 * not accepted because the MPICH form already gives {@code :} a meaning. Names are compared
 * exactly, so {@code Node01} and {@code node01} are two hosts.
 *
 * <p>Instances are immutable.
 */
public final class Hostfile {
    private final String name;
    private final List<HostEntry> hosts;
    private final int totalSlots;

    private Hostfile(String name, List<HostEntry> hosts, int totalSlots) {
        this.name = name;
        this.hosts = hosts;
        this.totalSlots = totalSlots;
    }

    /**
     * Reads and parses a hostfile in UTF-8. Messages name the file as {@code file.toString()}.
     *
     * @param file the hostfile
     * @return the parsed hostfile
     * @throws BadHostfileException if a line is malformed or the file names no hosts
     * @throws RanksException of class {@link ErrorClass#HOSTFILE} if the file cannot be read
     */
    public static Hostfile read(Path file) {
        if (file == null) {
            throw new RanksException(ErrorClass.ARG, "hostfile path null: expected a path to a hostfile");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HostfileParser.parse(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new RanksException(ErrorClass.HOSTFILE, -1,
                    "hostfile " + file + " does not exist: expected a readable file listing hosts", e);
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /**
     * Parses a hostfile from a reader, which is read to its end but not closed.
     *
     * @param name the name to show in messages, such as the file name
     * @param reader the hostfile's text
     * @return the parsed hostfile
     * @throws BadHostfileException if a line is malformed or the text names no hosts
     * @throws RanksException of class {@link ErrorClass#HOSTFILE} if the reader fails
     */
    public static Hostfile parse(String name, Reader reader) {
        if (name == null || reader == null) {
            throw new RanksException(ErrorClass.ARG, "hostfile name " + name + ", reader " + reader
                    + ": expected a display name and a reader");
        }
        try {
            return HostfileParser.parse(name, new BufferedReader(reader));
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Parses a hostfile held in a string.
     *
     * @param name the name to show in messages, such as the file name
     * @param text the hostfile's text
     * @return the parsed hostfile
     * @throws BadHostfileException if a line is malformed or the text names no hosts
     */
    public static Hostfile parse(String name, String text) {
        if (text == null) {
            throw new RanksException(ErrorClass.ARG, "hostfile " + name + " text null: expected the hostfile's text");
        }
        return parse(name, new StringReader(text));
    }

    /**
     * Builds a hostfile from entries, merging entries for the same host as parsing does.
     *
     * @param name the name to show in messages
     * @param hosts the hosts, at least one
     * @return the hostfile
     * @throws RanksException of class {@link ErrorClass#ARG} if there are no hosts or more than
     *     {@link Integer#MAX_VALUE} slots in all
     */
    public static Hostfile of(String name, List<HostEntry> hosts) {
        if (name == null || hosts == null || hosts.isEmpty() || hosts.stream().anyMatch(Objects::isNull)) {
            throw new RanksException(ErrorClass.ARG, "hostfile " + name + " with hosts " + hosts
                    + ": expected a name and at least one host entry");
        }
        long totalSlots = hosts.stream().mapToLong(HostEntry::slots).sum();
        if (totalSlots > Integer.MAX_VALUE) {
            throw new RanksException(ErrorClass.ARG, "hostfile " + name + " has " + totalSlots
                    + " slots: expected at most " + Integer.MAX_VALUE);
        }
        Map<String, HostEntry> merged = new LinkedHashMap<>();
        for (HostEntry host : hosts) {
            merged.merge(host.name(), host, Hostfile::combine);
        }
        return new Hostfile(name, List.copyOf(merged.values()), (int) totalSlots);
    }

    /** @return the name shown in messages, such as the file name */
    public String name() {
        return name;
    }

    /** @return the hosts, one entry per distinct name, in order of first appearance; immutable */
    public List<HostEntry> hosts() {
        return hosts;
    }

    /** @return the sum of all hosts' slots: how many ranks fit without oversubscription */
    public int totalSlots() {
        return totalSlots;
    }

    /**
     * Places ranks by slot without oversubscription, Open MPI's default.
     *
     * @param ranks the number of ranks, at least 1
     * @return the placement
     * @throws RanksException of class {@link ErrorClass#ARG} if {@code ranks} is below 1, or of
     *     class {@link ErrorClass#HOSTFILE} if {@code ranks} exceeds {@link #totalSlots()}
     * @see #place(int, MapBy, boolean)
     */
    public Placement place(int ranks) {
        return place(ranks, MapBy.SLOT, false);
    }

    /**
     * Places ranks on this hostfile's hosts, as {@code mpirun --map-by slot|node} does.
     *
     * <p>Without oversubscription a host runs at most its {@code slots} ranks, and asking for more
     * ranks than {@link #totalSlots()} fails. With {@code oversubscribe} (Open MPI's
     * {@code --oversubscribe}) the ranks beyond the slots go to hosts one at a time in turn, each up
     * to its {@code max_slots}; a host without {@code max_slots} takes any number. Asking for more
     * ranks than the {@code max_slots} allow still fails.
     *
     * @param ranks the number of ranks, at least 1
     * @param mapBy how to lay the ranks out over the hosts
     * @param oversubscribe whether hosts may run more ranks than their slots, up to max_slots
     * @return the placement
     * @throws RanksException of class {@link ErrorClass#ARG} if {@code ranks} is below 1 or
     *     {@code mapBy} is null, or of class {@link ErrorClass#HOSTFILE} if the hosts have too few
     *     slots; the message names both counts
     */
    public Placement place(int ranks, MapBy mapBy, boolean oversubscribe) {
        if (ranks < 1) {
            throw new RanksException(ErrorClass.ARG, "rank count " + ranks + ": expected at least 1");
        }
        if (mapBy == null) {
            throw new RanksException(ErrorClass.ARG, "mapping policy null: expected one of " + List.of(MapBy.values()));
        }
        return Placement.compute(this, ranks, mapBy, oversubscribe);
    }

    @Override
    public String toString() {
        return "hostfile " + name + " (" + hosts.size() + " hosts, " + totalSlots + " slots)";
    }

    private static HostEntry combine(HostEntry first, HostEntry second) {
        OptionalInt maxSlots = OptionalInt.empty();
        if (first.maxSlots().isPresent() && second.maxSlots().isPresent()) {
            // A cap beyond int range cannot bind any placement, so saturating loses nothing.
            long sum = (long) first.maxSlots().getAsInt() + second.maxSlots().getAsInt();
            maxSlots = OptionalInt.of((int) Math.min(sum, Integer.MAX_VALUE));
        }
        return new HostEntry(first.name(), first.slots() + second.slots(), maxSlots);
    }

    private static RanksException cannotRead(String name, IOException e) {
        return new RanksException(ErrorClass.HOSTFILE, -1, "cannot read hostfile " + name + ": " + e, e);
    }
}
