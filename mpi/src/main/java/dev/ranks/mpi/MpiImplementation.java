package dev.ranks.mpi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The MPI implementations the {@code mpi} device runs on, with the Debian names of their compiler
 * wrapper, their starter and their packages. Debian installs both side by side; the plain
 * {@code mpicc}/{@code mpirun} are alternatives that point at one of them.
 */
public enum MpiImplementation {
    /** Open MPI (Debian {@code openmpi-bin}, {@code libopenmpi-dev}); starts ranks with {@code mpirun}. */
    OPEN_MPI("openmpi", "mpicc.openmpi", "mpirun.openmpi", "openmpi-bin libopenmpi-dev"),
    /** MPICH (Debian {@code mpich}, {@code libmpich-dev}); starts ranks with Hydra's {@code mpiexec}. */
    MPICH("mpich", "mpicc.mpich", "mpiexec.mpich", "mpich libmpich-dev");

    /** System property a rank reads to learn the implementation its job was started with. */
    public static final String PROPERTY = "ranks.mpi";
    /** Environment variable that chooses the implementation when neither option nor property does. */
    public static final String ENVIRONMENT = "RANKS_MPI";

    private final String label;
    private final String compiler;
    private final String starter;
    private final String packages;

    MpiImplementation(String label, String compiler, String starter, String packages) {
        this.label = label;
        this.compiler = compiler;
        this.starter = starter;
        this.packages = packages;
    }

    /** @return the name users select it by: {@code openmpi} or {@code mpich} */
    public String label() {
        return label;
    }

    /** @return the implementation's C compiler wrapper, as Debian names it */
    public String compiler() {
        return compiler;
    }

    /** @return the implementation's job starter, as Debian names it */
    public String starter() {
        return starter;
    }

    /** @return the Debian packages that provide its starter, library and headers, space-separated */
    public String packages() {
        return packages;
    }

    /**
     * @param label {@code openmpi} or {@code mpich} (case ignored; {@code open-mpi}, {@code ompi} accepted)
     * @return the implementation
     * @throws RanksException ({@link ErrorClass#USAGE}) naming the value and the choices
     */
    public static MpiImplementation parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "openmpi", "open-mpi", "ompi" -> OPEN_MPI;
            case "mpich" -> MPICH;
            default -> throw new RanksException(ErrorClass.USAGE, "unknown MPI implementation '" + label
                    + "': expected openmpi or mpich");
        };
    }

    /**
     * The implementation a job uses when none is named: the one Debian's {@code mpicc} alternative
     * points at, else the first whose compiler wrapper is installed, else Open MPI.
     *
     * @return the implementation
     */
    public static MpiImplementation installedDefault() {
        Path mpicc = onPath("mpicc");
        if (mpicc != null) {
            try {
                String real = mpicc.toRealPath().getFileName().toString();
                for (MpiImplementation m : values()) {
                    if (real.contains(m.label)) {
                        return m;
                    }
                }
            } catch (java.io.IOException e) {
                // a dangling alternative: fall through to the wrappers themselves
            }
        }
        for (MpiImplementation m : values()) {
            if (onPath(m.compiler) != null) {
                return m;
            }
        }
        return OPEN_MPI;
    }

    /**
     * The implementation of this process's job: the system property {@value #PROPERTY} (which
     * {@code launcher --device mpi} sets on every rank), else the environment variable
     * {@value #ENVIRONMENT}, else what the starter's environment says (Open MPI's {@code OMPI_*},
     * Hydra's {@code PMI_*}), else {@link #installedDefault()}.
     *
     * @param environment the process environment
     * @return the implementation
     */
    public static MpiImplementation of(Map<String, String> environment) {
        String named = System.getProperty(PROPERTY, environment.get(ENVIRONMENT));
        if (named != null && !named.isBlank()) {
            return parse(named);
        }
        if (environment.containsKey("OMPI_COMM_WORLD_SIZE")) {
            return OPEN_MPI;
        }
        if (environment.containsKey("PMI_SIZE") || environment.containsKey("HYDRA_CONTROL_FD")) {
            return MPICH;
        }
        return installedDefault();
    }

    /**
     * Whether a process was started as a rank by an MPI starter: Open MPI's {@code mpirun}, Hydra's
     * {@code mpiexec}, or a PMI/PMIx launcher such as Slurm's {@code srun --mpi=pmix}.
     *
     * @param environment the process environment
     * @return true when the environment carries a starter's rank variables
     */
    public static boolean startedAsRank(Map<String, String> environment) {
        return environment.containsKey("OMPI_COMM_WORLD_SIZE") || environment.containsKey("PMI_SIZE")
                || environment.containsKey("PMI_RANK") || environment.containsKey("PMIX_RANK");
    }

    /**
     * @param program a command name
     * @return its path on {@code PATH}, or null
     */
    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
