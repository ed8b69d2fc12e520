package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;

/**
 * Up to 8 bytes of a primitive array slice packed into one {@code long}, element {@code i} in the
 * bits from {@code i * width} up, so a fast box can carry a message that small in its header's
 * cache line instead of in a buffer on another line.
 */
final class InlineWord {
    /** The most bytes a word holds. */
    static final int BYTES = 8;

    private InlineWord() {
    }

    /** @return the {@code n} elements of {@code array} from {@code offset}, packed; their bytes are at most {@link #BYTES} */
    static long pack(ElementType type, Object array, int offset, int n) {
        long word = 0;
        switch (type) {
            case BYTE -> {
                byte[] a = (byte[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (a[offset + i] & 0xFFL) << (8 * i);
                }
            }
            case BOOLEAN -> {
                boolean[] a = (boolean[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (a[offset + i] ? 1L : 0L) << (8 * i);
                }
            }
            case SHORT -> {
                short[] a = (short[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (a[offset + i] & 0xFFFFL) << (16 * i);
                }
            }
            case CHAR -> {
                char[] a = (char[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (long) a[offset + i] << (16 * i);
                }
            }
            case INT -> {
                int[] a = (int[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (a[offset + i] & 0xFFFF_FFFFL) << (32 * i);
                }
            }
            case FLOAT -> {
                float[] a = (float[]) array;
                for (int i = 0; i < n; i++) {
                    word |= (Float.floatToRawIntBits(a[offset + i]) & 0xFFFF_FFFFL) << (32 * i);
                }
            }
            case LONG -> word = n == 0 ? 0 : ((long[]) array)[offset];
            case DOUBLE -> word = n == 0 ? 0 : Double.doubleToRawLongBits(((double[]) array)[offset]);
            case OBJECT -> throw new IllegalArgumentException("a word packs primitive arrays, not objects");
        }
        return word;
    }

    /** Writes the {@code n} elements packed in {@code word} into {@code array} from {@code offset}. */
    static void unpack(ElementType type, long word, Object array, int offset, int n) {
        switch (type) {
            case BYTE -> {
                byte[] a = (byte[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = (byte) (word >>> (8 * i));
                }
            }
            case BOOLEAN -> {
                boolean[] a = (boolean[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = ((word >>> (8 * i)) & 1) != 0;
                }
            }
            case SHORT -> {
                short[] a = (short[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = (short) (word >>> (16 * i));
                }
            }
            case CHAR -> {
                char[] a = (char[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = (char) (word >>> (16 * i));
                }
            }
            case INT -> {
                int[] a = (int[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = (int) (word >>> (32 * i));
                }
            }
            case FLOAT -> {
                float[] a = (float[]) array;
                for (int i = 0; i < n; i++) {
                    a[offset + i] = Float.intBitsToFloat((int) (word >>> (32 * i)));
                }
            }
            case LONG -> {
                if (n > 0) {
                    ((long[]) array)[offset] = word;
                }
            }
            case DOUBLE -> {
                if (n > 0) {
                    ((double[]) array)[offset] = Double.longBitsToDouble(word);
                }
            }
            case OBJECT -> throw new IllegalArgumentException("a word packs primitive arrays, not objects");
        }
    }
}
