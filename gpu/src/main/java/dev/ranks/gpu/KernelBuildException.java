package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;

/**
 * A user's kernel source did not compile (OpenCL C, CUDA C through NVRTC) or load (PTX): PyOpenCL's
 * {@code RuntimeError: clBuildProgram failed} with its build log. The message names the program, the
 * kernels it declares and the device, followed by the compiler's log with its line numbers, where the
 * driver's name for its temporary file is replaced by the program's name; {@link #buildLog()} is the log
 * exactly as the compiler wrote it. The error class is {@link ErrorClass#ARG}, bad input, which the
 * launcher turns into exit 2.
 */
public class KernelBuildException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final String program;
    private final List<String> kernels;
    private final String buildLog;

    /**
     * Creates the exception.
     *
     * @param backend the backend that built the program, such as {@code opencl}
     * @param device the device's name
     * @param source the program's source
     * @param what what failed, such as {@code building} or {@code loading the PTX}
     * @param reason the driver's word beyond the log, such as the options it refused; empty for none
     * @param buildLog the compiler's log as it wrote it, possibly empty
     * @param cause the binding's exception, or null
     */
    public KernelBuildException(String backend, String device, KernelSource source, String what, String reason,
            String buildLog, Throwable cause) {
        super(ErrorClass.ARG, -1, message(backend, device, source, what, reason, buildLog), cause);
        this.program = source.name();
        this.kernels = source.declaredKernels();
        this.buildLog = buildLog;
    }

    /**
     * The program's name: its file, resource, or {@value KernelSource#ANONYMOUS}.
     *
     * @return the name
     */
    public String program() {
        return program;
    }

    /**
     * The kernels the source declares, as far as a pattern finds them.
     *
     * @return their names, possibly none
     */
    public List<String> kernels() {
        return kernels;
    }

    /**
     * The compiler's or JIT's log, exactly as it wrote it, with its line numbers.
     *
     * @return the log, possibly empty
     */
    public String buildLog() {
        return buildLog;
    }

    /**
     * A build log with the driver's temporary file names (PoCL compiles {@code …/tempfile_XXXX.cl}) and
     * Clang's {@code <source>} replaced by the program's name, so that its lines read
     * {@code histogram.cl:12:5: …} as a compiler's do.
     *
     * @param log the log as the compiler wrote it
     * @param program the program's name
     * @return the log for people
     */
    static String readable(String log, String program) {
        return log.replaceAll("\\S*/tempfile_\\w+\\.(?:cl|c)\\b", java.util.regex.Matcher.quoteReplacement(program))
                .replace(KernelSource.ANONYMOUS + ":", program + ":").strip();
    }

    private static String message(String backend, String device, KernelSource source, String what, String reason,
            String buildLog) {
        List<String> declared = source.declaredKernels();
        String log = readable(buildLog, source.name());
        return backend + ": " + what + " " + source.name() + (declared.isEmpty() ? "" : " (kernel" + (declared.size() == 1
                ? " " : "s ") + String.join(", ", declared) + ")") + " for " + device + " failed"
                + (reason.isEmpty() ? "" : ": " + reason) + (log.isEmpty() ? " (no build log)" : ":\n" + log);
    }
}
