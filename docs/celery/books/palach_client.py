# palach_client.py: Palach's Celery client (Parallel Programming with Python, ch. 8), in the book's shape:
# tasks sent by name with send_task, routed with queue= and routing_key= as the book does, results read back.
# The broker is $RANKS_BROKER, else redis://127.0.0.1:6379/0; the workers are Ranks workers
# (bin/launcher worker -Q celery,fibo_queue,sqrt_queue,webcrawler_queue) or Celery workers.
import os
import sys

from celery import Celery

BROKER = os.environ.get('RANKS_BROKER', 'redis://127.0.0.1:6379/0')
app = Celery('tasks', broker=BROKER, backend=BROKER)


def manage_hello_world():
    result = app.send_task('tasks.hello_world')
    print(result.get(timeout=30))


def manage_sqrt_task(value):
    result = app.send_task('tasks.sqrt_task', args=(value,), queue='sqrt_queue', routing_key='sqrt_queue')
    print(result.get(timeout=30))


def manage_fibo_task(value_list):
    async_result_dict = {x: app.send_task('tasks.fibo_task', args=(x,), queue='fibo_queue',
                                          routing_key='fibo_queue') for x in value_list}
    for key, value in async_result_dict.items():
        print("Value [%d] -> %s (task %s)" % (key, value.get(timeout=30)[1], value.task_id))


def manage_crawl_task(url_list):
    async_result_dict = {url: app.send_task('tasks.crawl_task', args=(url,), queue='webcrawler_queue',
                                            routing_key='webcrawler_queue') for url in url_list}
    for key, value in async_result_dict.items():
        print("%s -> %s (task %s)" % (key, value.get(timeout=30), value.task_id))


if __name__ == '__main__':
    manage_hello_world()
    manage_sqrt_task(4)
    manage_fibo_task([4, 3, 8, 6, 7])
    manage_crawl_task(sys.argv[1:])
