package dev.ranks.examples.books;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Cookbook's finite state machine of coroutines (Zaccone, <i>Python Parallel Programming Cookbook</i>,
 * ch. 5, "Handling coroutines with asyncio"): each state draws a transition value
 * ({@code random.randint(0, 1)}), pauses a second, and calls the next state with {@code yield from}; the
 * value picks the next state:
 *
 * <pre>
 * state     on 0      on 1
 * start     state 2   state 1
 * state 1   state 3   state 2
 * state 2   state 1   state 3
 * state 3   state 1   end state
 * </pre>
 *
 * States 1 to 3 print {@code ...evaluating...}, the end state {@code ...stop computation...}. Each state
 * returns the text of its transition followed by what the state it called returned, so once the end state
 * is reached the start state prints the whole path, the first state called first:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.CoroutineStateMachine --seed 1
 * Finite State Machine simulation with Asyncio Coroutine
 * Start State called
 *
 * ...evaluating...
 * ...stop computation...
 * Resume of the Transition : 
 * Start State calling State 1 with transition value = 1
 * State 1 calling State 2 with transition value = 1
 * ...
 * State 3 calling End State with transition value = 1
 * </pre>
 *
 * <p>Java's means: a coroutine is a method returning a {@link CompletableFuture}, {@code yield from} is
 * {@link CompletableFuture#thenCompose}, and the pause is a stage run on
 * {@link CompletableFuture#delayedExecutor}, which holds no thread while it waits (the book's blocking
 * {@code time.sleep(1)} holds its loop; nothing else runs here, so the two behave alike). The pause is
 * 100 ms instead of the book's second. {@code --seed N} makes the path repeatable: {@code randint(0, 1)}
 * is {@link Random#nextInt(int) nextInt(2)} of a {@link Random} of that seed. A plain {@code main} using
 * no communicator; run it on one rank.
 */
public final class CoroutineStateMachine {
    private static final long PAUSE_MS = 100;

    /** The states, each with the text it returns and the states that transition values 0 and 1 lead to. */
    private enum State {
        START("Start State"), STATE_1("State 1"), STATE_2("State 2"), STATE_3("State 3"), END("End State");

        private final String text;

        State(String text) {
            this.text = text;
        }

        State next(int transitionValue) {
            return switch (this) {
                case START -> transitionValue == 0 ? STATE_2 : STATE_1;
                case STATE_1 -> transitionValue == 0 ? STATE_3 : STATE_2;
                case STATE_2 -> transitionValue == 0 ? STATE_1 : STATE_3;
                case STATE_3 -> transitionValue == 0 ? STATE_1 : END;
                case END -> throw new IllegalStateException("the end state has no transitions");
            };
        }
    }

    private final Random random;

    private CoroutineStateMachine(Random random) {
        this.random = random;
    }

    /**
     * Runs the machine from the start state to the end state.
     *
     * @param args optionally {@code --seed N}
     */
    public static void main(String[] args) {
        Random random;
        if (args.length == 0) {
            random = new Random();
        } else if (args.length == 2 && args[0].equals("--seed")) {
            try {
                random = new Random(Long.parseLong(args[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CoroutineStateMachine: --seed '" + args[1]
                        + "' is invalid: expected an integer", e);
            }
        } else {
            throw new IllegalArgumentException("CoroutineStateMachine: unexpected arguments " + String.join(" ", args)
                    + ": expected none or --seed N");
        }
        System.out.println("Finite State Machine simulation with Asyncio Coroutine");
        new CoroutineStateMachine(random).startState().join(); // loop.run_until_complete(start_state())
    }

    /** The book's {@code start_state}: the only state that prints the path instead of returning it. */
    private CompletableFuture<Void> startState() {
        System.out.println("Start State called\n");
        return transition(State.START).thenAccept(result -> System.out.println("Resume of the Transition : \n"
                + State.START.text + " calling " + result));
    }

    /**
     * The book's {@code state1}, {@code state2}, {@code state3} and {@code end_state}.
     *
     * @param state the state called
     * @param transitionValue the value it was called with
     * @return the text of this transition and of those after it
     */
    private CompletableFuture<String> state(State state, int transitionValue) {
        String outputValue = state.text + " with transition value = " + transitionValue + "\n";
        if (state == State.END) {
            System.out.println("...stop computation...");
            return CompletableFuture.completedFuture(outputValue);
        }
        return transition(state).thenApply(result -> outputValue + state.text + " calling " + result);
    }

    /** Draws the transition value, pauses, and calls the state it leads to ({@code yield from}). */
    private CompletableFuture<String> transition(State from) {
        int inputValue = random.nextInt(2);
        return CompletableFuture.runAsync(() -> {
            if (from != State.START) {
                System.out.println("...evaluating...");
            }
        }, CompletableFuture.delayedExecutor(PAUSE_MS, TimeUnit.MILLISECONDS))
                .thenCompose(paused -> state(from.next(inputValue), inputValue));
    }
}
