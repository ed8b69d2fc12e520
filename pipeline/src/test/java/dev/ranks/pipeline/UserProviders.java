package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Task providers that no service file on the test class path names: the tests name them in
 * service files of their own, in directories passed as a {@link UserClassPath}, as users' jars do.
 */
public final class UserProviders {
    private UserProviders() {
    }

    /** A task of the user's, {@code triple}, with its Celery alias. */
    public static final class Triple implements TaskProvider {
        /** Creates the provider. */
        public Triple() {
        }

        @Override
        public List<Task> tasks() {
            return List.of(new Task() {
                @Override
                public String name() {
                    return "triple";
                }

                @Override
                public Object run(List<Object> args, Map<String, Object> kwargs) {
                    return 3 * (Long) args.get(0);
                }
            });
        }

        @Override
        public Map<String, String> aliases() {
            return Map.of("tasks.triple", "triple");
        }
    }

    /** A provider whose constructor throws. */
    public static final class Throwing implements TaskProvider {
        /** Fails. */
        public Throwing() {
            throw new IllegalStateException("no licence file");
        }

        @Override
        public List<Task> tasks() {
            return List.of();
        }
    }

    /** A provider whose {@code tasks()} throws. */
    public static final class FailingTasks implements TaskProvider {
        /** Creates the provider. */
        public FailingTasks() {
        }

        @Override
        public List<Task> tasks() {
            throw new IllegalStateException("the task table is missing");
        }
    }

    /** A provider giving {@code echo} again, which {@link TestTasks} gives. */
    public static final class SecondEcho implements TaskProvider {
        /** Creates the provider. */
        public SecondEcho() {
        }

        @Override
        public List<Task> tasks() {
            return new TestTasks().tasks().subList(0, 1);
        }
    }

    /** A provider with an alias naming no task. */
    public static final class DanglingAlias implements TaskProvider {
        /** Creates the provider. */
        public DanglingAlias() {
        }

        @Override
        public List<Task> tasks() {
            return List.of();
        }

        @Override
        public Map<String, String> aliases() {
            return Map.of("tasks.gone", "gone");
        }
    }

    /** A provider with an alias that is another task's name. */
    public static final class AliasShadowsTask implements TaskProvider {
        /** Creates the provider. */
        public AliasShadowsTask() {
        }

        @Override
        public List<Task> tasks() {
            return List.of();
        }

        @Override
        public Map<String, String> aliases() {
            return Map.of("square", "echo");
        }
    }
}
