/**
 * The built-in pipeline tasks ({@code fib}, {@code sqrt}, {@code crawl_page}, with the Celery
 * names of the books' {@code tasks.py} as aliases) and the {@code ranks} engine, which spreads
 * tasks over the ranks of a communicator. See docs/pipeline.md.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.tasks;
