# tasks.py: the books' Celery tasks, real ones: run by `celery -A tasks worker`, and declared for
# clients such as client.py. The broker and result backend are $RANKS_BROKER, as for bin/launcher,
# else redis://127.0.0.1:6379/0. Messages and results are JSON, which Ranks reads and writes.
import math
import os
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from celery import Celery

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


@app.task
def hello_world():
    """Palach's first task."""
    return "Hello I'm a celery task"


@app.task(bind=True)
def fibo_task(self, n):
    """Palach's fibo_task: the pair (n, message naming this call's task id and F(n)), F(n) exact,
    fib(0) = 0, fib(1) = 1. JSON makes the pair a list: [n, "The Fibonacci calculated ..."]."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError('fibo_task argument %r is invalid: expected a non-negative integer' % (n,))
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return (n, "The Fibonacci calculated with task id %s was %d" % (self.request.id, a))


@app.task
def sqrt_task(x):
    """The square root of x."""
    return math.sqrt(x)


@app.task
def square(x):
    """x * x, the function of Pool(4).map(square, range(100))."""
    return x * x


class _Links(HTMLParser):
    def __init__(self, base):
        super().__init__()
        self.base = base
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if tag == 'a' and name == 'href' and value:
                link = urllib.parse.urldefrag(urllib.parse.urljoin(self.base, value.strip()))[0]
                if link not in self.links:
                    self.links.append(link)


@app.task(bind=True)
def crawl_task(self, url, delay_ms=0):
    """Palach's crawl_task: fetches one page and returns the message
    "The task <task id> found the following links [<links>]..", the page's first two links as the
    book shows them, absolute, in page order, without repeats, as Ranks' crawl_task finds them. delay_ms is accepted as Ranks' crawl_task
    accepts it. A page that cannot be fetched fails the task."""
    request = urllib.request.Request(url, headers={'User-Agent': 'ranks-celery-interop'})
    with urllib.request.urlopen(request, timeout=10) as response:
        content_type = response.headers.get('Content-Type', '')
        body = response.read(2 * 1024 * 1024)
        parser = _Links(response.geturl())
        if 'html' in content_type:
            parser.feed(body.decode(response.headers.get_content_charset() or 'utf-8', errors='replace'))
    return "The task %s found the following links %s.." % (self.request.id, parser.links[:2])
