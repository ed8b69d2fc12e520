/**
 * The Redis task queue, wire-compatible with Celery 5 on a Redis broker: {@link
 * dev.ranks.pipeline.redis.CeleryMessage} is Celery's message protocol 2 in kombu's Redis envelope,
 * {@link dev.ranks.pipeline.redis.TaskState} is Celery's Redis result backend,
 * {@link dev.ranks.pipeline.redis.RedisWorker} consumes queues with at-least-once delivery,
 * {@link dev.ranks.pipeline.redis.TaskQueue} sends tasks and waits for results, and
 * {@link dev.ranks.pipeline.redis.RedisEngine} is the pipeline's {@code redis} engine. See
 * docs/pipeline.md and docs/celery.md.
 *
 * <p>{@link dev.ranks.pipeline.redis.RedisServer}, {@link dev.ranks.pipeline.redis.CeleryWorker} and
 * {@link dev.ranks.pipeline.redis.CeleryClient}, which run a real redis-server and Celery's own worker
 * and client for the launcher and the tests, are <b>internal</b>: not part of Ranks' API (docs/api.md
 * lists what is); they may change in any release.
 */
package dev.ranks.pipeline.redis;
