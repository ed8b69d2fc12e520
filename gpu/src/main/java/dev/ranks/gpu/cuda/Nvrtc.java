package dev.ranks.gpu.cuda;

import jcuda.CudaException;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/** CUDA C to PTX with NVRTC, keeping the compiler's log whether it succeeds or not. */
final class Nvrtc {
    private Nvrtc() {
    }

    /**
     * Compiles a source.
     *
     * @param source the CUDA C text
     * @param name the source's name, which the log's lines start with
     * @param options NVRTC's options, an architecture among them
     * @return the PTX and the log (warnings)
     * @throws Failure when NVRTC refuses the source or the options, with its log
     */
    static Compiled compile(String source, String name, String[] options) {
        nvrtcProgram program = new nvrtcProgram();
        JNvrtc.setExceptionsEnabled(true);
        JNvrtc.nvrtcCreateProgram(program, source, name, 0, null, null);
        try {
            try {
                JNvrtc.nvrtcCompileProgram(program, options.length, options);
            } catch (CudaException e) {
                throw new Failure(log(program), e);
            }
            String[] ptx = new String[1];
            JNvrtc.nvrtcGetPTX(program, ptx);
            return new Compiled(ptx[0], log(program));
        } finally {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }

    private static String log(nvrtcProgram program) {
        String[] log = new String[1];
        JNvrtc.nvrtcGetProgramLog(program, log);
        return log[0] == null ? "" : log[0].replace("\0", "").strip();
    }

    /**
     * What NVRTC made.
     *
     * @param ptx the PTX
     * @param log the compiler's log, possibly empty
     */
    record Compiled(String ptx, String log) {
    }

    /** NVRTC refused a source; the message is NVRTC's error, {@link #log} the compiler's log. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The compiler's log. */
        final String log;

        Failure(String log, CudaException cause) {
            super(cause.getMessage(), cause);
            this.log = log;
        }
    }
}
