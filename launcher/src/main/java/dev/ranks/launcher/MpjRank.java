package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The launcher as one rank of an MPJ Express job. MPJ's starter runs the launcher's main class in
 * every rank, with MPJ's own arguments first (rank, configuration, device name) and the launcher's
 * after them; {@link #isMpjLaunch(String[])} recognises them, and {@link #run(String[], Function)}
 * initialises MPJ, runs the command line on the {@code mpj} device and reports the exit code. This
 * happens both when {@code launcher --device mpj} started the job ({@link MpjJob}) and under MPJ's
 * own {@code mpjrun}.
 *
 * <p>The {@code mpj} module is reached by reflection: it compiles against Debian's mpj.jar and is
 * in the launcher jar only when the build found that jar, while the launcher must build without it.
 * State is static, which is per rank: MPJ's multicore device gives each rank its own class loader.
 */
final class MpjRank {
    private static final String MPJ = "dev.ranks.mpj.Mpj";
    /** The device names MPJ's starters pass as the third argument. */
    private static final Set<String> MPJ_DEVICES = Set.of("niodev", "smpdev", "hybdev", "mxdev", "native");

    private static volatile boolean active;
    private static int size;
    private static volatile Class<?> entryPoint = Launcher.class;

    private MpjRank() {
    }

    /**
     * Whether these are the arguments MPJ Express hands a program: an integer rank, the job's
     * configuration, and a device name. No launcher command line starts that way.
     *
     * @param args the arguments of {@code main}
     * @return whether MPJ Express started this process (or thread)
     */
    static boolean isMpjLaunch(String[] args) {
        return args.length >= 3 && args[0].matches("-?\\d+") && MPJ_DEVICES.contains(args[2]);
    }

    /** @return whether this rank runs inside MPJ Express, so that jobs run on the {@code mpj} device */
    static boolean active() {
        return active;
    }

    /** @return the number of ranks MPJ Express started; valid when {@link #active()} */
    static int size() {
        return size;
    }

    /** @return the main class each rank of a job this launcher starts runs: the launcher's own by default */
    static Class<?> entryPoint() {
        return entryPoint;
    }

    /**
     * Makes the ranks of jobs this process starts run another main class, one that hands its
     * arguments to {@link #run(String[], Function)} in turn; for programs that add commands to the
     * launcher's, such as tests.
     *
     * @param mainClass a class with {@code public static void main(String[])} on this process's class path
     */
    static void entryPoint(Class<?> mainClass) {
        entryPoint = mainClass;
    }

    /**
     * Runs one rank: initialises MPJ Express, executes the command line after MPJ's arguments on
     * the {@code mpj} device, and ends this rank's part (see {@code dev.ranks.mpj.Mpj#finish}).
     * Never exits the JVM itself: under MPJ's multicore device other ranks share it.
     *
     * @param mpjArgs the arguments of {@code main}, MPJ's first
     * @param commands builds the launcher's command line for the arguments after MPJ's
     */
    static void run(String[] mpjArgs, Function<String[], CommandLine> commands) {
        String[] args = (String[]) call("init", String[].class, (Object) mpjArgs);
        size = (Integer) call("size", null, (Object[]) null);
        active = true;
        CommandLine command = commands.apply(args);
        int exitCode = command.execute(args);
        command.getOut().flush();
        command.getErr().flush();
        call("finish", int.class, exitCode);
    }

    private static Object call(String name, Class<?> parameter, Object... args) {
        try {
            Class<?> mpj = Class.forName(MPJ, true, MpjRank.class.getClassLoader());
            Method method = parameter == null ? mpj.getMethod(name) : mpj.getMethod(name, parameter);
            return method.invoke(null, args);
        } catch (ClassNotFoundException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "this launcher was built without the mpj device:"
                    + " MPJ Express's /usr/share/java/mpj.jar was missing at build time; install libmpj-java and rebuild", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new RanksException(ErrorClass.INTERNAL, -1, "dev.ranks.mpj.Mpj." + name + " failed: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new RanksException(ErrorClass.INTERNAL, -1, "dev.ranks.mpj.Mpj." + name
                    + " cannot be called: the launcher and its mpj module disagree (" + e + ")", e);
        }
    }
}
