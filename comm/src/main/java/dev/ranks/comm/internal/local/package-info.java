/**
 * The local device: every rank is a thread in this JVM and a message moves with one copy.
 *
 * <p>Each rank owns a {@link dev.ranks.comm.internal.local.Mailbox} with two FIFO queues: receives
 * posted before their message, and messages that arrived before their receive. Whoever arrives
 * second matches under the mailbox's lock and copies the data straight from the sender's array
 * into the receiver's, so a receive posted first costs one copy. An eager message that finds no
 * receive is copied into a private array first (the sender may reuse its buffer at once); a
 * rendezvous message leaves only a reference, and the receiver copies from the sender's array and
 * then releases the sender.
 *
 * <p>There is no progress thread: every match is made by a rank thread inside a call. A rank
 * waits by spinning briefly when the ranks fit on the cores, then parks. Because only rank threads
 * make progress, a job whose live ranks are all parked on unsatisfied waits can never move again:
 * {@link dev.ranks.comm.internal.local.LocalJob} checks exactly that each time a rank parks or
 * finishes, and stops the job with a report.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.comm.internal.local;
