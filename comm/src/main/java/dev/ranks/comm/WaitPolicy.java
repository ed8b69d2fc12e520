package dev.ranks.comm;

/** How a rank waits for a message: spinning costs a core, parking costs a wake-up. */
public enum WaitPolicy {
    /** Spin briefly before parking when ranks fit on the cores, otherwise park at once. */
    AUTO,
    /** Always spin briefly before parking. */
    SPIN,
    /** Always park at once. */
    PARK
}
