package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A user's task, run with the class loader of its own jar as the thread's context class loader,
 * so that what it looks up the usual way ({@code ServiceLoader.load(X.class)}, a library reading
 * its resources through the context loader) comes from its jar, as it would under plain
 * {@code java -cp}.
 *
 * @param task the user's task
 * @param loader the loader its provider came from
 */
record ContextLoaderTask(Task task, ClassLoader loader) implements Task {
    /**
     * The task itself where it shares the registry's loader, otherwise it bound to its own.
     *
     * @param task a registered task
     * @return what callers run
     */
    static Task of(Task task) {
        ClassLoader loader = task.getClass().getClassLoader();
        return loader == null || loader == TaskRegistry.class.getClassLoader() ? task : new ContextLoaderTask(task, loader);
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) throws Exception {
        ClassLoader previous = enter();
        try {
            return task.run(args, kwargs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        ClassLoader previous = enter();
        try {
            task.check(args, kwargs);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** @return the thread's context loader until now, which the caller restores */
    private ClassLoader enter() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        return previous;
    }
}
