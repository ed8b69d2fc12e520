package dev.ranks.comm.testkit;

import dev.ranks.comm.ElementType;

/**
 * Deterministic data to send: element {@code i} of a pattern depends on its seed and on {@code i},
 * so a receiver can rebuild what it expects, and patterns of different seeds differ. Floating
 * point values are exact binary fractions, so they compare equal after any copy.
 */
public final class Patterns {
    private Patterns() {
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others, such as the sending rank
     * @return the pattern
     */
    public static byte[] bytes(int count, int seed) {
        byte[] a = new byte[count];
        for (int i = 0; i < count; i++) {
            a[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static short[] shorts(int count, int seed) {
        short[] a = new short[count];
        for (int i = 0; i < count; i++) {
            a[i] = (short) (seed * 1009 + i * 3 - 500);
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static int[] ints(int count, int seed) {
        int[] a = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = seed * 1_000_003 + i;
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static long[] longs(int count, int seed) {
        long[] a = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = ((long) seed << 40) + i * 1_000_000_007L;
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static float[] floats(int count, int seed) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = seed * 4096f + (i % 4096) / 64f - 17.5f;
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static double[] doubles(int count, int seed) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = seed * 1_048_576.0 + i / 1024.0 - 0.25;
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static char[] chars(int count, int seed) {
        char[] a = new char[count];
        for (int i = 0; i < count; i++) {
            a[i] = (char) (seed * 131 + i * 17 + 'A');
        }
        return a;
    }

    /**
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern
     */
    public static boolean[] booleans(int count, int seed) {
        boolean[] a = new boolean[count];
        for (int i = 0; i < count; i++) {
            a[i] = Integer.bitCount(seed * 37 + i) % 2 == 1;
        }
        return a;
    }

    /**
     * @param type a primitive element type
     * @param count the number of elements
     * @param seed what makes this pattern differ from others
     * @return the pattern, an array of {@code type}'s array class
     */
    public static Object of(ElementType type, int count, int seed) {
        return switch (type) {
            case BYTE -> bytes(count, seed);
            case SHORT -> shorts(count, seed);
            case INT -> ints(count, seed);
            case LONG -> longs(count, seed);
            case FLOAT -> floats(count, seed);
            case DOUBLE -> doubles(count, seed);
            case CHAR -> chars(count, seed);
            case BOOLEAN -> booleans(count, seed);
            case OBJECT -> throw new IllegalArgumentException("element type OBJECT has no array pattern:"
                    + " expected a primitive element type");
        };
    }
}
