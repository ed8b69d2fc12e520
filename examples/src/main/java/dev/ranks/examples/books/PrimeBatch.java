package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ProcessPoolExecutor} prime batch (Palach, <i>Parallel Programming with Python</i>, and the
 * Cookbook's {@code concurrent.futures} recipe, ch. 4: {@code executor.map(is_prime, PRIMES)}), with the
 * ranks as the pool: rank r tests the numbers at positions r, r + size, ..., and rank 0 gathers the
 * answers and prints them in the batch's order, as {@code zip(PRIMES, executor.map(...))} does.
 *
 * <p>{@link #isPrime(long)} is the book's {@code is_prime}, trial division by the odd numbers up to
 * √n. 1099726899285419 is not prime (it is 3306091 × 332636609); the other five numbers are.
 *
 * <p>A {@link RankProgram}, at any number of ranks:
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.PrimeBatch
 * 112272535095293 is prime: True
 * 112582705942171 is prime: True
 * 112272535095293 is prime: True
 * 115280095190773 is prime: True
 * 115797848077099 is prime: True
 * 1099726899285419 is prime: False
 * </pre>
 */
public final class PrimeBatch implements RankProgram {
    /** The book's {@code PRIMES}. */
    static final long[] PRIMES = {
        112272535095293L, 112582705942171L, 112272535095293L, 115280095190773L, 115797848077099L, 1099726899285419L};

    /** Makes the program; the launcher calls this once per rank. */
    public PrimeBatch() {
    }

    /**
     * Runs one worker of the pool.
     *
     * @param world the ranks of the job
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        ArrayList<Boolean> mine = new ArrayList<>();
        for (int i = world.rank(); i < PRIMES.length; i += world.size()) {
            mine.add(isPrime(PRIMES[i]));
        }
        List<ArrayList<Boolean>> all = world.gather(mine, 0);
        if (world.rank() == 0) {
            for (int i = 0; i < PRIMES.length; i++) {
                boolean prime = all.get(i % world.size()).get(i / world.size());
                System.out.printf("%d is prime: %s%n", PRIMES[i], prime ? "True" : "False");
            }
        }
    }

    /**
     * The book's {@code is_prime}.
     *
     * @param n a number
     * @return whether it is prime
     */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n == 2) {
            return true;
        }
        if (n % 2 == 0) {
            return false;
        }
        long sqrt = (long) Math.floor(Math.sqrt(n));
        for (long i = 3; i <= sqrt; i += 2) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }
}
