package dev.ranks.comm.spi;

import java.util.function.Supplier;

/**
 * What a device whose ranks share one address space (the local device: ranks are threads of one
 * JVM) offers collectives that work through shared memory instead of messages: objects shared by
 * the members of a communicator, and a blocking wait the device's deadlock check and job end know
 * about. A device that cannot share memory returns null from {@link Endpoint#sharedMemory()}.
 */
public interface SharedMemory {
    /**
     * The object shared under a key by every rank of the job that asks for it: the first caller
     * creates it, every later caller gets the same one.
     *
     * @param key what identifies the object, such as a communicator's context and members; its
     *     {@code equals} and {@code hashCode} decide sameness
     * @param create makes the object, called at most once per key
     * @param <T> the object's type
     * @return the shared object
     */
    <T> T area(Object key, Supplier<T> create);

    /**
     * Whether a waiting rank may spin on a core: the device's reading of
     * {@link dev.ranks.comm.WaitPolicy} ({@code SPIN}, or {@code AUTO} with no more ranks than cores).
     *
     * @return true to spin before blocking, false when ranks outnumber cores or the policy parks
     */
    boolean spin();

    /**
     * Throws the job-ending error ({@link dev.ranks.comm.JobAbortedException} or
     * {@link dev.ranks.comm.DeadlockException}) if the job has ended; for waits that spin.
     */
    void checkRunning();

    /**
     * Blocks the calling rank until the wait is over. The deadlock check counts the rank as
     * blocked on it; when the job ends meanwhile, this throws the job-ending error.
     *
     * @param wait what the rank waits for
     */
    void await(SharedWait wait);
}
