"""The tasks of docs/celery/tasks.py (copied beside this file into the jar by the build), for Ranks'
interop tests and `launcher bench queue`, plus a line that says when the worker consumes.

Run a worker on the three queues with:
    RANKS_BROKER=redis://127.0.0.1:6379/0 python3 -m celery -A celery_tasks worker \
        -Q fibo_queue,sqrt_queue,webcrawler_queue -c 2 -l info
"""

import sys

from celery.signals import worker_ready

from tasks import app, crawl_task, fibo_task, hello_world, sqrt_task, square  # noqa: F401 -- importing registers them with app


@worker_ready.connect
def _announce_ready(**_):
    """Tells Ranks' CeleryWorker that the worker consumes, whatever the log level: Celery's own
    'ready.' line is at INFO, and sys.stderr is by then a logger at WARNING, hence the original."""
    print('ranks-celery-worker-ready', file=sys.__stderr__, flush=True)
