"""The books' Celery tasks as a Celery 5 app, for Ranks' interop tests and `launcher bench queue`.

The broker and result backend are both the Redis URL in the environment variable RANKS_BROKER
(default redis://127.0.0.1:6379/0), in the form Ranks prints: redis://[user:password@]host:port/db,
or rediss://...?ssl_cert_reqs=required&ssl_ca_certs=CA.pem for TLS (kombu and Celery's result
backend both read those two parameters and verify the server against the CA). Messages and
results are JSON only, so that Ranks workers and clients can read every one of them.

Run a worker on the three queues with:
    RANKS_BROKER=redis://127.0.0.1:6379/0 python3 -m celery -A celery_tasks worker \
        -Q fibo_queue,sqrt_queue,webcrawler_queue -c 2 -l info
"""

import math
import os
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from celery import Celery
from celery.signals import worker_ready

BROKER = os.environ.get('RANKS_BROKER', 'redis://127.0.0.1:6379/0')

app = Celery('tasks', broker=BROKER, backend=BROKER)

app.conf.update(
    task_serializer='json',
    result_serializer='json',
    accept_content=['json'],
    result_accept_content=['json'],
    task_routes={
        'tasks.fibo_task': {'queue': 'fibo_queue'},
        'tasks.sqrt_task': {'queue': 'sqrt_queue'},
        'tasks.crawl_task': {'queue': 'webcrawler_queue'},
    },
    result_expires=24 * 3600,
)

MAX_PAGE_BYTES = 2 * 1024 * 1024


@worker_ready.connect
def _announce_ready(**_):
    """Tells Ranks' CeleryWorker that the worker consumes, whatever the log level: Celery's own
    'ready.' line is at INFO, and sys.stderr is by then a logger at WARNING, hence the original."""
    print('ranks-celery-worker-ready', file=sys.__stderr__, flush=True)


@app.task(name='tasks.fibo_task')
def fibo_task(n):
    """The n-th Fibonacci number (fib(0) = 0, fib(1) = 1), exact, computed iteratively."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError('fibo_task argument %r is invalid: expected a non-negative integer' % (n,))
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@app.task(name='tasks.sqrt_task')
def sqrt_task(x):
    """The square root of x."""
    return math.sqrt(x)


class _Links(HTMLParser):
    def __init__(self, base):
        super().__init__()
        self.base = base
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            for name, value in attrs:
                if name == 'href' and value:
                    link = urllib.parse.urljoin(self.base, value.strip())
                    link = urllib.parse.urldefrag(link)[0]
                    if link not in self.links:
                        self.links.append(link)


@app.task(name='tasks.crawl_task')
def crawl_task(url, delay_ms=0):
    """Fetches one page and returns its URL, status, content type and the absolute URLs of its
    <a href> links, in page order without repeats. delay_ms is accepted so that a call made for
    Ranks' crawl_page runs here too; one fetch has no politeness delay to keep."""
    request = urllib.request.Request(url, headers={'User-Agent': 'ranks-celery-interop'})
    with urllib.request.urlopen(request, timeout=10) as response:
        final_url = response.geturl()
        content_type = response.headers.get('Content-Type', '')
        body = response.read(MAX_PAGE_BYTES)
        charset = response.headers.get_content_charset() or 'utf-8'
        parser = _Links(final_url)
        if 'html' in content_type:
            parser.feed(body.decode(charset, errors='replace'))
        return {'url': url, 'final_url': final_url, 'status': response.status,
                'content_type': content_type, 'links': parser.links}
