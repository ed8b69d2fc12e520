# addTask.py: the Python Parallel Programming Cookbook's Celery task, in the book's shape. The book's broker is
# RabbitMQ (amqp://guest@localhost//), which Ranks does not speak (launcher worker exits 2 naming redis and
# rediss): here it is $RANKS_BROKER, else redis://127.0.0.1:6379/0, with a result backend so the result reads back.
import os

from celery import Celery

BROKER = os.environ.get('RANKS_BROKER', 'redis://127.0.0.1:6379/0')
app = Celery('addTask', broker=BROKER, backend=BROKER)


@app.task
def add(x, y):
    return x + y
