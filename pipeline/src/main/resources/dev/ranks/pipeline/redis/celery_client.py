"""Sends a task through Celery's own client and prints each result as a JSON line.

    RANKS_BROKER=redis://127.0.0.1:6379/0 python3 celery_client.py TASK_NAME QUEUE ARGS_JSON \
        [--kwargs JSON] [--count N] [--timeout S] [--no-wait] [--delay]

ARGS_JSON is a JSON array of positional arguments, or one JSON value taken as the only one
(`30` is `[30]`). The task is sent COUNT times with app.send_task to QUEUE, all before the first
result is awaited; the results are printed in sending order. With --delay the task is one of
celery_tasks' own and is sent as the books do, with TASK.delay(*args, **kwargs): the queue then
comes from task_routes, and QUEUE must name it. With --no-wait the task ids are
printed instead. Exit status: 0 when every task succeeded, 1 when one failed or timed out (the
error and the remote traceback go to stderr), 2 for bad usage.
"""

import argparse
import functools
import json
import sys
import time

from celery_tasks import app


def main():
    parser = argparse.ArgumentParser(description='Sends a Celery task and prints its results as JSON lines.')
    parser.add_argument('task', help='the task name, such as tasks.fibo_task')
    parser.add_argument('queue', help='the queue to send to, such as fibo_queue')
    parser.add_argument('args', help='a JSON array of positional arguments, or one JSON value')
    parser.add_argument('--kwargs', default='{}', help='a JSON object of keyword arguments')
    parser.add_argument('--count', type=int, default=1, help='how many times to send the task')
    parser.add_argument('--timeout', type=float, default=60.0, help='seconds to wait for each result')
    parser.add_argument('--no-wait', action='store_true', help='print the task ids instead of the results')
    parser.add_argument('--delay', action='store_true',
                        help="send with the task's own delay(), routed by task_routes to QUEUE")
    options = parser.parse_args()
    try:
        args = json.loads(options.args)
        kwargs = json.loads(options.kwargs)
    except ValueError as e:
        parser.error('ARGS_JSON or --kwargs is not JSON: %s' % e)
    if not isinstance(args, list):
        args = [args]
    if not isinstance(kwargs, dict):
        parser.error('--kwargs %s is invalid: expected a JSON object' % options.kwargs)
    if options.count < 1:
        parser.error('--count %d is invalid: expected at least 1' % options.count)

    if options.delay:
        if options.task not in app.tasks:
            parser.error('--delay needs a task of celery_tasks: %s is not one' % options.task)
        routed = app.amqp.router.route({}, options.task, args, kwargs)['queue'].name
        if routed != options.queue:
            parser.error('--delay sends %s to %s by task_routes, not to %s' % (options.task, routed, options.queue))
        send = functools.partial(app.tasks[options.task].delay, *args, **kwargs)
    else:
        send = functools.partial(app.send_task, options.task, args=args, kwargs=kwargs, queue=options.queue)

    start = time.monotonic()
    try:
        results = [send() for _ in range(options.count)]
    except Exception as e:  # kombu's OperationalError and whatever the connection raised under it
        print('error: cannot send %s to %s: %s: %s' % (options.task, options.queue, type(e).__name__, e),
              file=sys.stderr)
        return 1
    sent = time.monotonic()
    if options.no_wait:
        for result in results:
            print(result.id)
        return 0
    for result in results:
        try:
            value = result.get(timeout=options.timeout)
        except Exception as e:  # the task's own exception, re-raised by Celery, or a timeout
            print('error: task %s %s failed: %s: %s' % (options.task, result.id, type(e).__name__, e),
                  file=sys.stderr)
            if result.traceback:
                print(result.traceback, file=sys.stderr)
            return 1
        print(json.dumps(value))
    sys.stdout.flush()
    done = time.monotonic()
    print('sent %d in %.3f s, all results in %.3f s (%.1f tasks/s)'
          % (options.count, sent - start, done - start, options.count / (done - start)), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
