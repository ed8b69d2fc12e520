package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The job options of {@code --device mpi}, checked in-process before any MPI process starts. */
class MpiOptionsTest {
    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "--device mpi --mpi lam hello                 | Invalid value for option '--mpi': unknown MPI implementation 'lam': expected openmpi or mpich",
        "--mpi mpich hello                            | --mpi needs --device mpi: the local device does not run on MPI",
        "--device mpj --mpi openmpi hello             | --mpi needs --device mpi: the mpj device does not run on MPI",
        "--device mpi --mpj-dev multicore -n 2 hello  | --mpj-dev needs --device mpj: --device mpi runs on the system's MPI, chosen with --mpi",
        "--device mpi --trace no/t.json -n 2 hello    | --trace 'no/t.json': directory '",
        "--device mpi -n 0 hello                      | -n must be at least 1, got 0",
        "--device mpi -n 2 --fail-rank 2 hello        | --fail-rank 2 is not a rank of this job: expected 0 to 1"})
    void badInputExitsTwoBeforeAnythingStarts(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(message), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}
