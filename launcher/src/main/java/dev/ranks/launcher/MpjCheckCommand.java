package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Request;
import dev.ranks.comm.Status;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code launcher mpj-check} (hidden): programs that check a device's point-to-point semantics
 * end to end, written for the {@code mpj} device's tests (MpjMulticoreIT, MpjNiodevIT) and run
 * the same on {@code local}, whose output they must match.
 *
 * <ul>
 *   <li>{@code p2p}: every element type and objects, inline and above the eager limit, in a ring;
 *       {@code ANY_SOURCE}/{@code ANY_TAG} kept apart by communicator; messages matched out of
 *       arrival order; synchronous sends; truncation (the job goes on); probe; sends to self.
 *       Each rank prints one line when every check held, and fails naming the check otherwise.</li>
 *   <li>{@code abort}: rank 1 calls {@code abort(--code)} while the others wait for it.</li>
 *   <li>{@code send-first}: ranks 0 and 1 each send {@code --bytes} to the other before
 *       receiving: fine up to the eager limit, a deadlock above it, as in MPI.</li>
 *   <li>{@code stderr}: each rank prints one line to stdout and one to stderr, which must arrive
 *       on the launcher's stdout and stderr respectively.</li>
 * </ul>
 */
@Command(name = "mpj-check", hidden = true, description = {
    "Device checks for the mpj device's tests: p2p (point-to-point semantics), abort (rank 1 calls abort), "
        + "send-first (ranks 0 and 1 both send --bytes first), stderr (a line to stdout and one to stderr per rank)."})
final class MpjCheckCommand implements Callable<Integer> {
    private static final int MIN_RANKS = 2;

    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "p2p, abort, send-first or stderr.")
    private String scenario;

    @Option(names = "--code", paramLabel = "CODE", defaultValue = "7", description = "abort's code. Default: ${DEFAULT-VALUE}.")
    private int code;

    @Option(names = "--bytes", paramLabel = "BYTES", defaultValue = "1048576", converter = ByteSizeConverter.class,
            description = "send-first's message size. Default: ${DEFAULT-VALUE}.")
    private int bytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return switch (scenario) {
            case "p2p" -> launcher.job().run(spec, MIN_RANKS, comm -> p2p(comm, out));
            case "abort" -> launcher.job().run(spec, MIN_RANKS, comm -> {
                if (comm.rank() == 1) {
                    comm.abort(code);
                }
                comm.recv(1, 0);
            });
            case "send-first" -> launcher.job().run(spec, MIN_RANKS, comm -> sendFirst(comm, out));
            case "stderr" -> launcher.job().run(spec, MIN_RANKS, comm -> {
                PrintWriter err = spec.commandLine().getErr();
                out.println("rank " + comm.rank() + " to stdout");
                err.println("rank " + comm.rank() + " to stderr");
                err.flush();
            });
            default -> throw new ParameterException(spec.commandLine(), "unknown scenario '" + scenario
                    + "': expected p2p, abort, send-first or stderr");
        };
    }

    private void sendFirst(Intracomm comm, PrintWriter out) {
        if (comm.rank() > 1) {
            return;
        }
        int peer = 1 - comm.rank();
        byte[] data = new byte[bytes];
        comm.send(data, peer, 0);
        comm.recv(data, peer, 0);
        out.println("rank " + comm.rank() + " exchanged " + bytes + " bytes with rank " + peer);
    }

    private static void p2p(Intracomm comm, PrintWriter out) {
        int rank = comm.rank();
        int size = comm.size();
        int eager = comm.settings().eagerLimit();
        int right = (rank + 1) % size;
        int left = (rank + size - 1) % size;

        for (ElementType type : ElementType.values()) {
            if (type == ElementType.OBJECT) {
                continue;
            }
            for (int count : new int[] {0, 5, eager / type.bytes() + 3}) {
                Object sent = sample(type, count, rank);
                Object got = Array.newInstance(type.arrayClass().getComponentType(), count + 4);
                Request send = comm.isendArray(sent, 0, count, right, type.ordinal());
                Status status = comm.irecvArray(got, 2, count, left, type.ordinal()).waitFor();
                send.waitFor();
                check(status.source() == left && status.count() == count, "ring " + type + " x" + count + " status "
                        + status);
                Object expected = sample(type, count, left);
                for (int i = 0; i < count; i++) {
                    check(Objects.equals(Array.get(got, 2 + i), Array.get(expected, i)), "ring " + type + " x" + count
                            + " element " + i);
                }
            }
        }
        for (int length : new int[] {3, eager + 10}) {
            Request send = comm.isend("x".repeat(length) + rank, right, 40);
            String got = comm.recv(left, 40);
            send.waitFor();
            check(("x".repeat(length) + left).equals(got), "ring object of " + length + " chars");
        }

        wildcardsStayInTheirCommunicator(comm, eager);
        if (rank <= 1) {
            outOfOrder(comm, eager);
            synchronousTruncatedAndProbed(comm, eager);
        }
        double[] self = (double[]) sample(ElementType.DOUBLE, eager / 8 + 1, rank);
        Request toSelf = comm.isend(self, rank, 50);
        double[] back = new double[self.length];
        comm.recv(back, rank, 50);
        toSelf.waitFor();
        check(java.util.Arrays.equals(self, back), "send to self above the eager limit");
        comm.barrier();
        out.println("rank " + rank + ": p2p checks passed");
    }

    /** Every rank but 0 sends on a duplicate (tag 7) and then on the world (tag 9); wildcards on each see only their own. */
    private static void wildcardsStayInTheirCommunicator(Intracomm comm, int eager) {
        Intracomm dup = comm.dup();
        int rank = comm.rank();
        int large = eager / 4 + 3;
        if (rank != 0) {
            int[] payload = new int[rank % 2 == 1 ? large : 3];
            java.util.Arrays.fill(payload, rank);
            Request inDup = dup.isend(payload, 0, 7);
            Request inWorld = comm.isend(new int[] {rank}, 0, 9);
            Request.waitAll(inDup, inWorld);
            return;
        }
        TreeSet<Integer> world = new TreeSet<>();
        TreeSet<Integer> dupped = new TreeSet<>();
        int[] buf = new int[large];
        for (int i = 1; i < comm.size(); i++) {
            Status st = comm.recv(buf, Comm.ANY_SOURCE, Comm.ANY_TAG);
            check(st.tag() == 9 && buf[0] == st.source(), "world wildcard got " + st);
            world.add(st.source());
        }
        for (int i = 1; i < comm.size(); i++) {
            Status st = dup.recv(buf, Comm.ANY_SOURCE, Comm.ANY_TAG);
            check(st.tag() == 7 && buf[st.count() - 1] == st.source()
                    && st.count() == (st.source() % 2 == 1 ? large : 3), "duplicate's wildcard got " + st);
            dupped.add(st.source());
        }
        check(world.size() == comm.size() - 1 && world.equals(dupped), "wildcards heard " + world + " and " + dupped);
    }

    /** Rank 1 sends four messages, small and large alternating, before rank 0 asks for them in reverse. */
    private static void outOfOrder(Intracomm comm, int eager) {
        int large = eager + 1;
        if (comm.rank() == 1) {
            List<Request> sends = new ArrayList<>();
            for (int tag = 1; tag <= 4; tag++) {
                byte[] data = new byte[tag % 2 == 0 ? large : 2];
                java.util.Arrays.fill(data, (byte) tag);
                sends.add(comm.isend(data, 0, tag));
            }
            comm.send(new byte[0], 0, 5);
            Request.waitAll(sends);
        } else {
            comm.recv(new byte[0], 1, 5);
            for (int tag = 4; tag >= 1; tag--) {
                byte[] got = new byte[large];
                Status st = comm.recv(got, 1, tag);
                check(st.count() == (tag % 2 == 0 ? large : 2) && got[st.count() - 1] == tag, "tag " + tag
                        + " out of order got " + st);
            }
        }
    }

    /** Synchronous sends, truncation (small and large; the pair then goes on), and probe, between ranks 0 and 1. */
    private static void synchronousTruncatedAndProbed(Intracomm comm, int eager) {
        int large = eager / 8 + 100;
        if (comm.rank() == 1) {
            comm.ssend(new long[] {1, 2}, 0, 20);
            comm.ssend(new long[large], 0, 21);
            Request small = comm.isend(new int[8], 0, 22);
            Request big = comm.isend(new double[large], 0, 23);
            Request.waitAll(small, big);
            comm.send(new long[large], 0, 24);
            comm.send(new int[] {42}, 0, 25);
            return;
        }
        long[] longs = new long[large];
        check(comm.recv(longs, 1, 20).count() == 2 && longs[1] == 2, "small synchronous send");
        check(comm.recv(longs, 1, 21).count() == large, "large synchronous send");
        truncated(() -> comm.recv(new int[2], 1, 22), "small");
        truncated(() -> comm.recv(new double[10], 1, 23), "large");
        Status probed = comm.probe(1, Comm.ANY_TAG);
        check(probed.tag() == 24 && probed.count() == large && probed.type() == ElementType.LONG, "probe got "
                + probed);
        comm.recv(longs, 1, 24);
        int[] last = new int[1];
        comm.recv(last, 1, 25);
        check(last[0] == 42, "a message after the truncated ones");
    }

    private static void truncated(Runnable receive, String which) {
        try {
            receive.run();
        } catch (RanksException e) {
            check(e.errorClass() == ErrorClass.TRUNCATE, "a " + which + " truncated receive threw " + e);
            return;
        }
        check(false, "a " + which + " truncated receive did not throw");
    }

    private static Object sample(ElementType type, int count, int rank) {
        Object array = Array.newInstance(type.arrayClass().getComponentType(), count);
        for (int i = 0; i < count; i++) {
            int v = rank * 31 + i * 7;
            Object value = switch (type) {
                case BYTE -> (byte) v;
                case SHORT -> (short) (v * 101);
                case INT -> v * 1_000_003;
                case LONG -> v * 1_000_000_000_007L;
                case FLOAT -> v * 0.5f;
                case DOUBLE -> v * Math.PI;
                case CHAR -> (char) ('a' + v % 1000);
                case BOOLEAN -> v % 3 == 1;
                case OBJECT -> throw new IllegalArgumentException("no primitive sample for objects");
            };
            Array.set(array, i, value);
        }
        return array;
    }

    private static void check(boolean held, String what) {
        if (!held) {
            throw new IllegalStateException("mpj-check failed: " + what);
        }
    }
}
