package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Values for object messages: immutable ones, mutable ones, and helpers to compare them. */
final class Fixtures {
    private Fixtures() {
    }

    enum Colour { RED, GREEN, BLUE }

    /** Immutable: every component is final and immutable, so the codec may pass it by reference. */
    record Point(int x, int y, String label) {
    }

    /** A record holding a mutable list: the codec must copy it. */
    record Bag(String name, List<Integer> items) {
    }

    /** A plain user class with mutable fields. */
    static final class Particle {
        double x;
        int[] ids;
        String name;
        Particle next;

        Particle(double x, int[] ids, String name) {
            this.x = x;
            this.ids = ids;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Particle p && p.x == x && Arrays.equals(p.ids, ids) && Objects.equals(p.name, name)
                    && Objects.equals(p.next, next);
        }

        @Override
        public int hashCode() {
            return Objects.hash(x, Arrays.hashCode(ids), name);
        }

        @Override
        public String toString() {
            return "Particle(" + x + ", " + Arrays.toString(ids) + ", " + name + ", next=" + next + ")";
        }
    }

    /** A user class holding a thread, which no codec can copy. */
    static final class Holder {
        final Thread worker;

        Holder(Thread worker) {
            this.worker = worker;
        }
    }

    static ArrayList<Integer> arrayList(Integer... values) {
        return new ArrayList<>(List.of(values));
    }

    /** Equality that looks into arrays, nested ones included. */
    static void assertDeepEquals(Object expected, Object actual) {
        assertArrayEquals(new Object[] {expected}, new Object[] {actual},
                () -> "expected " + Arrays.deepToString(new Object[] {expected}) + " but got "
                        + Arrays.deepToString(new Object[] {actual}));
    }
}
