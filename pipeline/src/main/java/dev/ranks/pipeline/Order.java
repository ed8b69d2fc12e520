package dev.ranks.pipeline;

/** The order in which a {@link Batch} hands out its outcomes. */
public enum Order {
    /** The order the calls were submitted in; an outcome waits for those before it. */
    SUBMISSION,
    /** The order the outcomes arrived in, each as soon as it is there. */
    COMPLETION
}
