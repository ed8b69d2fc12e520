package dev.ranks.examples.books;

/** Palach's {@code fibonacci(input)}, which his chapters 3 to 7 share. */
final class Fibonacci {
    private Fibonacci() {
    }

    /**
     * The book's loop, {@code a, b = b, a + b} {@code input} times, returning {@code a}: F(0) = 0,
     * F(1) = F(2) = 1, exact up to F(92) in a {@code long}.
     *
     * @param input the term's index
     * @return the term
     */
    static long term(int input) {
        long a = 0;
        long b = 1;
        for (int item = 0; item < input; item++) {
            long next = a + b;
            a = b;
            b = next;
        }
        return a;
    }
}
