package dev.ranks.examples.books;

/** The books' {@code time.sleep}, shortened by the programs to milliseconds. */
final class Nap {
    private Nap() {
    }

    /**
     * Sleeps; an interrupt (the job being stopped) ends the sleep and the program, with the interrupt
     * flag set again.
     *
     * @param millis how long
     */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
    }
}
