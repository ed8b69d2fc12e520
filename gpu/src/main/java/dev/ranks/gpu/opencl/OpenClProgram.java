package dev.ranks.gpu.opencl;

import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelBuildException;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.KernelSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * A user's OpenCL C program, built for one device with {@code -cl-kernel-arg-info} added to the user's
 * options, so that its kernels know their parameters' types and check arguments before the driver does.
 */
final class OpenClProgram extends KernelProgram {
    private final OpenClDevice device;
    private final cl_program program;

    private OpenClProgram(OpenClDevice device, String name, cl_program program, String log) {
        super(device, name, kernelNames(program), log);
        this.device = device;
        this.program = program;
    }

    /** Builds the source, or throws {@link KernelBuildException} with the build log and the program freed. */
    static OpenClProgram build(OpenClDevice device, KernelSource source, String options) {
        cl_program program = OpenClDevice.call("create program " + source.name(), () -> CL.clCreateProgramWithSource(
                device.context(), 1, new String[] {source.text()}, null, null));
        try {
            CL.clBuildProgram(program, 1, new org.jocl.cl_device_id[] {device.id()}, (options + " -cl-kernel-arg-info").strip(),
                    null, null);
        } catch (CLException e) {
            String log = OpenClDevice.buildLog(program, device.id());
            CL.clReleaseProgram(program);
            String reason = e.getStatus() == CL.CL_INVALID_BUILD_OPTIONS ? "the driver refused the options '" + options
                    + "' (CL_INVALID_BUILD_OPTIONS)" : e.getStatus() == CL.CL_BUILD_PROGRAM_FAILURE ? ""
                    : CL.stringFor_errorCode(e.getStatus());
            throw new KernelBuildException(OpenClBackend.NAME, device.info().name(), source, "building", reason, log, e);
        }
        return new OpenClProgram(device, source.name(), program, OpenClDevice.buildLog(program, device.id()));
    }

    @Override
    protected Kernel createKernel(String kernelName) {
        cl_kernel kernel = OpenClDevice.call("create kernel " + kernelName, () -> CL.clCreateKernel(program, kernelName, null));
        return OpenClKernel.create(this, device, kernelName, kernel);
    }

    @Override
    protected void release() {
        CL.clReleaseProgram(program);
    }

    private static List<String> kernelNames(cl_program program) {
        long[] size = new long[1];
        CL.clGetProgramInfo(program, CL.CL_PROGRAM_KERNEL_NAMES, 0, null, size);
        byte[] names = new byte[(int) size[0]];
        CL.clGetProgramInfo(program, CL.CL_PROGRAM_KERNEL_NAMES, names.length, Pointer.to(names), null);
        String text = new String(names, StandardCharsets.UTF_8).replace("\0", "").strip();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(";")).map(String::strip).toList();
    }
}
