package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.BufferMemory;
import dev.ranks.gpu.Selection;
import dev.ranks.workloads.gpu.GpuBatch;
import dev.ranks.workloads.gpu.GpuReport;
import java.util.function.BiFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What every GPU kernel command shares, mixed into each: the options, and running the kernel as a rank
 * job of the {@code gpu} command's ranks.
 */
final class GpuOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private BackendOption backend;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Kernel runs per rank; the best is reported. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random input. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--memory", paramLabel = "WHERE", defaultValue = "device", converter = MemoryConverter.class,
            description = "Where device buffers live: device (explicit copies), host (zero-copy host buffers,"
                    + " opencl only) or auto (host on an OpenCL CPU device, device elsewhere). Default: ${DEFAULT-VALUE}.")
    private BufferMemory memory;

    @Option(names = "--print", description = "Also print the inputs and the result as numpy prints them, summarized"
            + " with ... above 1000 elements, before the timings.")
    private boolean print;

    /**
     * Runs the kernel over the ranks with the settings of these options; choosing the backend here,
     * before any rank starts, makes an unknown or unavailable one a usage error.
     *
     * @return the job's exit code
     */
    int run(int size, Footprints footprint, BiFunction<Intracomm, GpuBatch.Spec, GpuReport> kernel) {
        Selection selection = backend.select();
        if (memory == BufferMemory.HOST && !selection.backend().hostBuffers()) {
            throw new RanksException(ErrorClass.USAGE, "--memory host: backend " + selection.backend().name()
                    + " has no zero-copy host buffers: expected --backend opencl, or --memory auto or device");
        }
        GpuBatch.Spec spec = new GpuBatch.Spec(selection, size, repeat, seed, memory, print);
        GpuCommand gpu = (GpuCommand) command.parent().userObject();
        checkMemory(gpu.job(), command.qualifiedName(" ").substring(command.root().name().length() + 1) + " --size "
                + size, selection, footprint);
        JobOptions job = gpu.job();
        try (Progress progress = Progress.start(command, job, spec.steps(job.ranksInThisJvm()))) {
            GpuBatch.Spec counted = spec.withStep(progress::step);
            return GpuRun.job(gpu, command, progress, comm -> kernel.apply(comm, counted));
        }
    }

    /** What a kernel holds at a size, given the ranks in one JVM and whether its device buffers are Java arrays. */
    @FunctionalInterface
    interface Footprints {
        /**
         * @param ranks the ranks in the JVM
         * @param heapBuffers whether the backend's device buffers are Java arrays
         * @return the footprint
         */
        GpuBatch.Footprint of(int ranks, boolean heapBuffers);
    }

    /**
     * Refuses a run whose arrays would not fit the heap of this JVM, where the local device runs every rank, or whose
     * buffers would not fit a rank's device, before anything is allocated.
     *
     * @param job the job's options
     * @param what the run as typed, for the message
     * @param selection the backend and devices
     * @param footprint what the run holds
     */
    static void checkMemory(JobOptions job, String what, Selection selection, Footprints footprint) {
        String name = selection.backend().name();
        boolean heapBuffers = name.equals("java") || name.equals("aparapi");
        int inJvm = job.ranksInThisJvm();
        GpuBatch.Footprint needs = footprint.of(Math.max(1, inJvm), heapBuffers);
        if (inJvm > 0) {
            MemoryCheck.heap(what + " on " + inJvm + (inJvm == 1 ? " rank" : " ranks"), needs.heapBytes());
        }
        if (!heapBuffers && !selection.devices().isEmpty()) {
            MemoryCheck.device(what, needs.deviceBytes(), selection.deviceFor(0));
        }
    }

    /** A usage error of the command these options are mixed into. */
    ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /** Reads an enum's constant by its name in any case, naming the choices otherwise. */
    abstract static class NameConverter<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;
        private final String choices;

        NameConverter(Class<E> type, String choices) {
            this.type = type;
            this.choices = choices;
        }

        @Override
        public E convert(String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new TypeConversionException("'" + value + "': expected " + choices);
        }
    }

    /** Reads auto, device or host. */
    static final class MemoryConverter extends NameConverter<BufferMemory> {
        MemoryConverter() {
            super(BufferMemory.class, "auto, device or host");
        }
    }
}
