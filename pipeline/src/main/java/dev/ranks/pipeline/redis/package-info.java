/**
 * The Redis task queue, wire-compatible with Celery 5 on a Redis broker: {@link
 * dev.ranks.pipeline.redis.CeleryMessage} is Celery's message protocol 2 in kombu's Redis envelope,
 * {@link dev.ranks.pipeline.redis.TaskState} is Celery's Redis result backend,
 * {@link dev.ranks.pipeline.redis.RedisWorker} consumes queues with at-least-once delivery,
 * {@link dev.ranks.pipeline.redis.TaskQueue} sends tasks and waits for results, and
 * {@link dev.ranks.pipeline.redis.RedisEngine} is the pipeline's {@code redis} engine. See
 * docs/pipeline.md and docs/celery.md.
 */
package dev.ranks.pipeline.redis;
