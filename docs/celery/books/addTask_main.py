# addTask_main.py: the Cookbook's client, in the book's shape; add.delay(5, 5) goes to the default queue celery.
import addTask

if __name__ == '__main__':
    result = addTask.add.delay(5, 5)
    print(result.get(timeout=30))
