package dev.ranks.launcher;

import dev.ranks.comm.JobResult;
import dev.ranks.pipeline.UserClassPath;
import dev.ranks.workloads.programs.UserProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code launcher run}: runs a user's program as every rank of the job, on any device, as
 * {@code mpiexec -n 4 python prog.py} and {@code mpjrun.sh -np 4 -jar prog.jar} do. Everything
 * after the class or jar is the program's (the launcher stops parsing options there).
 */
@Command(name = "run", description = {
    "Runs your program as every rank: a class implementing dev.ranks.collectives.RankProgram, or a class with"
        + " public static void main(String[]) that calls Intracomm.world(). Give a class name with --class-path, or a"
        + " jar whose manifest names the class (" + UserProgram.PROGRAM_ATTRIBUTE + ", else Main-Class).",
    "Everything after CLASS or JAR goes to the program. On the local device each rank loads your classes in a class"
        + " loader of its own, so static fields are per rank as with one process per rank; System.exit(n) in your code"
        + " aborts the job like MPI_Abort, reported as abort(n) with exit code 1 (n = 0 ends only the calling rank). See docs/tutorial.md."})
final class RunCommand implements Callable<Integer> {
    /** This command's name; the launcher stops parsing options after its first positional argument. */
    static final String NAME = "run";

    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Option(names = "--class-path", paramLabel = "PATH",
            description = "Where your classes are: jars and directories separated by ':' (';' on Windows), as"
                    + " java's -cp. Under --device mpj every host must see them at the same path (docs/cluster.md).")
    private String classPath;

    @Option(names = "--shared-classes",
            description = "Load your classes once for the whole job instead of once per rank, so that ranks on the"
                    + " local device share static fields (not as MPI behaves; for programs that rely on it).")
    private boolean sharedClasses;

    @Parameters(index = "0", paramLabel = "CLASS|JAR",
            description = "The class to run (such as com.example.Pi) or a jar (a path ending in .jar).")
    private String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        UserProgram program = UserProgram.resolve(target, classPath == null ? UserClassPath.NONE
                : UserClassPath.parse(classPath));
        try (UserProgram.Ranks ranks = program.ranks(args.toArray(String[]::new), sharedClasses)) {
            int exitCode = launcher.job().run(spec, 1, ranks);
            // A kernel of the user's that does not compile is bad input, as a source file is.
            return exitCode == JobResult.EXIT_FAILED && ranks.kernelBuildFailed() ? ExitCodes.USAGE : exitCode;
        }
    }
}
