package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class LauncherTest {
    @ParameterizedTest
    @ValueSource(strings = {"-n 3 hello", "hello -n 3", "--np=3 hello", "--device local --eager-limit 64k -n 3 hello"})
    void helloPrintsOneLinePerRank(String args) {
        CliRun run = CliRun.of(args.split(" "));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.of(
                "hello world from process 0 of 3",
                "hello world from process 1 of 3",
                "hello world from process 2 of 3"), Set.copyOf(run.outLines()), run::toString);
        assertEquals(3, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void ranksDefaultToTheAvailableProcessors() {
        CliRun run = CliRun.of("hello");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Runtime.getRuntime().availableProcessors(), run.outLines().size(), run::toString);
    }

    @Test
    void helpListsTheCommandsAndTheJobOptions() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String word : new String[] {"hello", "p2p", "deadlock", "bench", "--np", "--device", "--eager-limit",
            "crawl", "hosts", "daemons", "--hostfile", "--timeout"}) {
            assertTrue(run.out().contains(word), () -> word + " missing from\n" + run);
        }
        for (String exitCode : new String[] {"3 +deadlock detected", "124 +stopped by --timeout"}) {
            assertTrue(run.out().matches("(?s).*\\b" + exitCode + ".*"), () -> exitCode + " missing from\n" + run);
        }
    }

    @Test
    void subcommandHelpShowsItsOwnOptions() {
        CliRun run = CliRun.of("bench", "latency", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String word : new String[] {"--min-size", "--max-size", "--iterations", "--warmup", "--np"}) {
            assertTrue(run.out().contains(word), () -> word + " missing from\n" + run);
        }
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("launcher (Ranks) 0."), run::toString);
    }

    @Test
    void aCommandThatKeepsItsOptionsOrderListsItsOwnThenTheJobOptionsThenHelp() {
        CliRun run = CliRun.of("crawl", "--help");

        int own = run.out().indexOf("  --out=");
        int job = run.out().indexOf("  -n, --np=N");
        int help = run.out().indexOf("  -h, --help");
        assertTrue(own >= 0 && own < job && job < help, run::toString);
        assertTrue(run.out().indexOf("  --coll=") < help, run::toString);
    }

    @Test
    void theCommandsTableNamesEachCommandAsItsAnnotationDoes() {
        for (Map.Entry<String, Class<?>> command : Launcher.COMMANDS) {
            Command annotation = command.getValue().getAnnotation(Command.class);

            assertEquals(command.getKey(), annotation.name(), command.getValue()::getName);
            assertEquals(0, annotation.aliases().length, command.getValue()::getName);
        }
        assertEquals(List.copyOf(Launcher.commandLine().getSubcommands().keySet()),
                Launcher.COMMANDS.stream().map(Map.Entry::getKey).toList());
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "-n 9 hello                                   | hello",
        "hello -n 3 --frobnicate                      | hello",
        "--np=3 --device local --timeout 5m fib 10    | fib",
        "--coll bcast=binomial -n 2 bench latency     | bench",
        "--fail-rank -1 deadlock                      | deadlock",
        "-n 2 run --class-path x.jar Main --help      | run",
        "--trace --device hello                       | hello"})
    void aCommandLineThatNamesACommandBuildsOnlyThatCommand(String args, String command) {
        CommandLine launcher = Launcher.commandLine(args.trim().split("\\s+"));

        assertEquals(Set.of(command), launcher.getSubcommands().keySet());
    }

    @ParameterizedTest(name = "launcher {0}")
    @ValueSource(strings = {"", "--help", "-h hello", "--version hello", "-V fib", "-n9 hello", "-np 9 hello", "frobnicate",
        "-n", "-n hello", "--trace hello hello", "-- hello", "@args hello", "--trace @args hello", "--frobnicate hello", "- hello"})
    void anyOtherCommandLineBuildsEveryCommand(String args) {
        CommandLine launcher = Launcher.commandLine(args.isEmpty() ? new String[0] : args.split(" "));

        assertEquals(Launcher.COMMANDS.size(), launcher.getSubcommands().size());
    }

    @ParameterizedTest(name = "launcher {0}")
    @ValueSource(strings = {"--version", "-V"})
    void theVersionAloneBuildsNoCommandAndAnswersAsEveryCommandDoes(String option) {
        CliRun none = CliRun.of(Launcher.commandLine(option), option);
        CliRun every = CliRun.of(Launcher.commandLine(), option);

        assertTrue(Launcher.commandLine(option).getSubcommands().isEmpty());
        assertEquals(0, none.exitCode(), none::toString);
        assertEquals(every, none);
    }

    @ParameterizedTest(name = "launcher {0}")
    @ValueSource(strings = {"-n 3 hello", "hello --help", "-n abc hello", "-n 0 hello", "hello --frobnicate",
        "--np=2 bench latency --help", "-n 9 deadlock --fix later", "bench", "bench fastest", "run", "-n 2 run --help",
        "gpu --help", "--timeout x hello", "--trace --device hello", "--device carrier-pigeon hello",
        "--eager-limit 12x p2p", "daemons --help", "-n 2 hello extra", "--np= hello"})
    void theOneCommandAnswersAsEveryCommandDoes(String args) {
        String[] argv = args.split(" ");

        CliRun one = CliRun.of(Launcher.commandLine(argv), argv);
        CliRun every = CliRun.of(Launcher.commandLine(), argv);

        assertEquals(1, Launcher.commandLine(argv).getSubcommands().size());
        assertEquals(every.exitCode(), one.exitCode(), one::toString);
        // ranks print in any order
        assertEquals(every.outLines().stream().sorted().toList(), one.outLines().stream().sorted().toList());
        assertEquals(every.err(), one.err());
    }
}
