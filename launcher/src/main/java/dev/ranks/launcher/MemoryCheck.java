package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.DeviceInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Refuses a size whose arrays would not fit, before they are allocated: an {@link OutOfMemoryError}
 * seconds into a run says neither how much was needed nor what to do. The launcher's JVM takes its
 * options from {@code RANKS_JAVA_OPTS} ({@code bin/launcher}), so that is the way to a larger heap.
 */
final class MemoryCheck {
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private MemoryCheck() {
    }

    /**
     * Checks that this JVM's heap can hold {@code needed} more bytes.
     *
     * @param what the run, as the user wrote it, such as {@code gpu matmul --size 30000 on 2 ranks}
     * @param needed the bytes of arrays it allocates
     * @throws RanksException of class {@link ErrorClass#USAGE} saying how much it needs and how to raise the heap
     */
    static void heap(String what, long needed) {
        Runtime runtime = Runtime.getRuntime();
        heap(what, needed, runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory(), physicalMemory());
    }

    /**
     * The check of {@link #heap(String, long)} on given figures.
     *
     * @param what the run
     * @param needed the bytes of arrays it allocates
     * @param used the bytes of heap in use now
     * @param max the heap's maximum size
     * @param physical this machine's memory in bytes, or 0 if unknown
     * @throws RanksException of class {@link ErrorClass#USAGE} when {@code used + needed} is more than
     *     {@code max} or than {@code physical}
     */
    static void heap(String what, long needed, long used, long max, long physical) {
        if (physical > 0 && used + needed > physical) {
            // A heap raised past the machine's memory passes the first check and then swaps or is killed.
            throw new RanksException(ErrorClass.USAGE, what + " needs " + size(needed) + " of Java heap, the heap holds "
                    + size(max) + "; this machine has " + size(physical) + " of memory, so no RANKS_JAVA_OPTS=-Xmx setting"
                    + " can hold it: choose a smaller size");
        }
        if (used + needed <= max) {
            return;
        }
        long xmx = (long) Math.ceil((used + needed) * 1.25 / GIB);
        String machine = physical > 0 && xmx * GIB > physical
                ? " (this machine has " + size(physical) + " of memory: choose a smaller size)" : ", or choose a smaller size";
        throw new RanksException(ErrorClass.USAGE, what + " needs " + size(needed) + " of Java heap, the heap holds "
                + size(max) + (used >= MIB ? " with " + size(used) + " in use" : "") + "; raise it with RANKS_JAVA_OPTS=-Xmx"
                + xmx + "g" + machine);
    }

    /**
     * Checks that a rank's device holds its buffers.
     *
     * @param what the run
     * @param needed the bytes of buffers on one rank's device
     * @param device that device
     * @throws RanksException of class {@link ErrorClass#USAGE} saying how much it needs and how much the device has
     */
    static void device(String what, long needed, DeviceInfo device) {
        if (device.memoryBytes() <= 0 || needed <= device.memoryBytes()) {
            return;
        }
        throw new RanksException(ErrorClass.USAGE, what + " needs " + size(needed) + " on each rank's device, and "
                + device.backend() + " device " + device.index() + " (" + device.name() + ") holds "
                + size(device.memoryBytes()) + "; choose a smaller size or more ranks (-n)");
    }

    /**
     * A size as people read it: MiB below a GiB, GiB with one decimal above.
     *
     * @param bytes the size
     * @return such as {@code 256 MiB} or {@code 23.5 GiB}
     */
    static String size(long bytes) {
        return bytes < GIB ? (bytes + MIB - 1) / MIB + " MiB" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
    }

    /**
     * A byte count as an option takes it: with the suffix k, m or g when it divides evenly.
     *
     * @param bytes the count
     * @return such as {@code 64m} or {@code 1000}
     */
    static String option(long bytes) {
        for (String suffix : new String[] {"g", "m", "k"}) {
            long unit = switch (suffix) {
                case "g" -> 1L << 30;
                case "m" -> 1L << 20;
                default -> 1L << 10;
            };
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + suffix;
            }
        }
        return Long.toString(bytes);
    }

    private static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }
}
