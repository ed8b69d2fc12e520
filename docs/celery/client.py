# client.py: the books' client, as it is; the tasks run on whatever workers consume their queues.
from tasks import fibo_task, hello_world, sqrt_task, square, app

print(hello_world.delay().get(timeout=10))              # to the default queue, celery
print(fibo_task.delay(30).get(timeout=10))              # the pair [n, message], the message naming the task id
print(fibo_task.delay(300).get(timeout=10)[1])          # exact: Python ints and Java BigIntegers meet in JSON
print(app.send_task('tasks.sqrt_task', args=[2], queue='sqrt_queue').get(timeout=10))
print(square.delay(12).get(timeout=10))
try:
    sqrt_task.delay(-1).get(timeout=10)
except Exception as e:                                  # raised as RanksException, with the
    print(type(e).__name__, e)                          # Java stack trace as the traceback
print(fibo_task.apply_async((20,), countdown=5).get()[1])  # ETA: the Ranks worker holds it 5 s
