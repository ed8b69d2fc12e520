package dev.ranks.gpu;

/** The kind of a compute device, as OpenCL classifies them; {@code auto} prefers GPUs. */
public enum DeviceType {
    /** A graphics processor. */
    GPU,
    /** The host's processor (PoCL, the Java backend). */
    CPU,
    /** Any other accelerator. */
    ACCELERATOR
}
