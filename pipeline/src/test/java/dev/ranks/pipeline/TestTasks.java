package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;

/** Tasks for the engine tests, registered as a service in the test class path. */
public final class TestTasks implements TaskProvider {
    /** Creates the provider. */
    public TestTasks() {
    }

    @Override
    public List<Task> tasks() {
        return List.of(
                task("echo", (args, kwargs) -> args.get(0)),
                task("square", (args, kwargs) -> (Long) args.get(0) * (Long) args.get(0)),
                task("sleep", (args, kwargs) -> {
                    Thread.sleep((Long) args.get(0));
                    return args.get(0);
                }),
                task("big", (args, kwargs) -> "x".repeat((int) (long) (Long) args.get(0))),
                task("boom", (args, kwargs) -> {
                    throw new IllegalStateException("boom " + args);
                }));
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("tasks.echo_task", "echo");
    }

    private interface Body {
        Object run(List<Object> args, Map<String, Object> kwargs) throws Exception;
    }

    private static Task task(String name, Body body) {
        return new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object run(List<Object> args, Map<String, Object> kwargs) throws Exception {
                return body.run(args, kwargs);
            }
        };
    }
}
