package dev.ranks.collectives;

/** Block arithmetic shared by the algorithms. */
final class Blocks {
    private Blocks() {
    }

    /** @return the displacements of blocks laid end to end */
    static int[] displacements(int[] counts) {
        int[] displs = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            displs[i] = displs[i - 1] + counts[i - 1];
        }
        return displs;
    }

    /** @return {@code size} counts of {@code count} each */
    static int[] uniform(int size, int count) {
        int[] counts = new int[size];
        java.util.Arrays.fill(counts, count);
        return counts;
    }

    /**
     * Splits {@code count} elements into {@code parts} nearly equal segments, the first
     * {@code count % parts} one element longer.
     *
     * @return the segment sizes
     */
    static int[] split(int count, int parts) {
        int[] sizes = new int[parts];
        for (int i = 0; i < parts; i++) {
            sizes[i] = count / parts + (i < count % parts ? 1 : 0);
        }
        return sizes;
    }

    /** @return the sum of counts */
    static int total(int[] counts) {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /** @return the largest power of two not above {@code n} (n at least 1) */
    static int floorPowerOfTwo(int n) {
        return Integer.highestOneBit(n);
    }

    /**
     * For algorithms that work in place: copies this rank's contribution into the result buffer,
     * unless the call was already in place ({@code send == null}).
     */
    static void inPlace(Schedule s, Buf send, int sendOffset, Buf buf, int offset, int count) {
        if (send != null) {
            s.copy(send, sendOffset, buf, offset, count);
        }
    }
}
