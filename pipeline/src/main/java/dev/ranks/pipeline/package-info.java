/**
 * The host-side task pipeline: one task abstraction, many engines.
 *
 * <p>A {@link dev.ranks.pipeline.Task} is a named pure function from JSON-compatible arguments to a
 * JSON-compatible result, shaped like a Celery task ({@code args}, {@code kwargs}) so that a queue
 * speaking Celery's protocol maps onto it one to one. Tasks are found by name in a
 * {@link dev.ranks.pipeline.TaskRegistry} filled by {@link dev.ranks.pipeline.TaskProvider}
 * services. An {@link dev.ranks.pipeline.Engine}, opened by name with
 * {@link dev.ranks.pipeline.Engines#open}, runs a batch of {@link dev.ranks.pipeline.Call}s and hands
 * back one {@link dev.ranks.pipeline.Outcome} per call in submission or completion order. The
 * engines here are {@code threads}, {@code processes} and {@code fifo}; others ({@code ranks} in
 * workloads) plug in through {@link dev.ranks.pipeline.EngineProvider}. See docs/pipeline.md.
 */
package dev.ranks.pipeline;
