package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** The job options of the mpj device and of failure handling, checked in-process before any MPJ process starts. */
class MpjOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void mpjsOwnLinesAreNotRelayedAsTheProgramsOutput() {
        for (String chatter : new String[] {"MPJ Express (0.44) is started in the hybrid configuration",
            "Starting process <0> on <node1>", "Stopping Process <3> on <node2>", "EXIT", "@Ping#", "EXIT@Ping#",
            "@Ping#@Ping#EXIT"}) {
            assertTrue(MpjJob.MPJ_CHATTER.matcher(chatter).matches(), chatter);
        }
        for (String output : new String[] {"EXIT code 0", "process 0 sending [0, 1, 2, 3] receiving [0, 0, 0, 0]",
            "@Ping# from a program", ""}) {
            assertFalse(MpjJob.MPJ_CHATTER.matcher(output).matches(), output);
        }
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "--mpj-dev shmem hello               | Invalid value for option '--mpj-dev': 'shmem' is not an MPJ Express device: expected one of [multicore, niodev, hybdev]",
        "--timeout 0s hello                  | Invalid value for option '--timeout': '0s' is zero: expected a positive duration",
        "--timeout soon hello                | Invalid value for option '--timeout': 'soon' is not a duration",
        "--map-by socket hello               | Invalid value for option '--map-by': 'socket' is not a mapping policy: expected one of [slot, node]",
        "--mpj-dev niodev hello              | --mpj-dev needs --device mpj: the local device runs every rank in this JVM",
        "-n 2 --fail-rank 2 hello            | --fail-rank 2 is not a rank of this job: expected 0 to 1"})
    void badInputExitsTwoNamingIt(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(message), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void aHostfileNeedsTheMpjDeviceAndNiodev() throws Exception {
        Path hosts = Files.writeString(tmp.resolve("one.hosts"), "localhost slots=2\n");

        CliRun local = CliRun.of("--hostfile", hosts.toString(), "-n", "2", "hello");
        CliRun multicore = CliRun.of("--device", "mpj", "--mpj-dev", "multicore", "--hostfile", hosts.toString(), "-n",
                "2", "hello");

        assertEquals(2, local.exitCode(), local::toString);
        assertTrue(local.err().startsWith("--hostfile needs --device mpi or mpj"), local::toString);
        assertEquals(2, multicore.exitCode(), multicore::toString);
        assertTrue(multicore.err().startsWith("--hostfile " + hosts + " with --mpj-dev multicore"), multicore::toString);
    }

    @Test
    void failRankMakesThatRankFailOnTheLocalDeviceToo() {
        CliRun run = CliRun.of("-n", "3", "--fail-rank", "1", "hello");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 1 failed:\njava.lang.IllegalStateException: rank 1 fails on purpose"),
                run::toString);
    }

    @Test
    void mpjsArgumentsAreToldFromTheLaunchersOwn() {
        assertTrue(MpjRank.isMpjLaunch(new String[] {"0", "#temp line;#Number of Processes;2", "niodev", "fib"}));
        assertTrue(MpjRank.isMpjLaunch(new String[] {"3", "4", "smpdev"}));
        assertTrue(MpjRank.isMpjLaunch(new String[] {"1", "conf", "hybdev", "-n", "4", "hello"}));
        assertFalse(MpjRank.isMpjLaunch(new String[] {"-n", "4", "fib"}));
        assertFalse(MpjRank.isMpjLaunch(new String[] {"fib", "10", "niodev"}));
        assertFalse(MpjRank.isMpjLaunch(new String[] {"0", "1"}));
    }

    @Test
    void theConfWritesEveryPortOfTheJob() {
        String conf = MpjHome.conf(new MpjHome.Ports(40055, 40052, 45123));

        assertTrue(conf.contains("mpjexpress.mpjdaemon.port.1=40055\n"), conf);
        assertTrue(conf.contains("mpjexpress.mpjdaemon.port.2=40052\n"), conf);
        assertTrue(conf.contains("mpjexpress.mpjrun.port.1=45123\n"), conf);
        assertTrue(conf.contains("mpjexpress.mpi.loglevel=OFF\n"), conf);
    }
}
