package dev.ranks.gpu.opencl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelParameter;
import dev.ranks.gpu.LocalMemory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * A kernel of a user's OpenCL program. Its parameters come from {@code clGetKernelArgInfo} (address
 * space, type, name), which lets {@link #bind} refuse a buffer for a scalar, an {@code int} for a
 * {@code float}, a float buffer for an {@code int*}; where a driver gives no argument info, the driver's
 * own {@code clSetKernelArg} errors are the check.
 */
final class OpenClKernel extends Kernel {
    private final OpenClDevice device;
    private final cl_kernel kernel;
    /** Per parameter: its address qualifier ({@code CL_KERNEL_ARG_ADDRESS_*}), or 0 where unknown. */
    private final int[] spaces;
    /** Per parameter: its type name without the pointer star, such as {@code float}; null where unknown. */
    private final String[] types;

    private OpenClKernel(OpenClProgram program, OpenClDevice device, String name, cl_kernel kernel,
            List<KernelParameter> parameters, int[] spaces, String[] types) {
        super(program, name, parameters);
        this.device = device;
        this.kernel = kernel;
        this.spaces = spaces;
        this.types = types;
    }

    static OpenClKernel create(OpenClProgram program, OpenClDevice device, String name, cl_kernel kernel) {
        int[] count = new int[1];
        CL.clGetKernelInfo(kernel, CL.CL_KERNEL_NUM_ARGS, Sizeof.cl_uint, Pointer.to(count), null);
        List<KernelParameter> parameters = new ArrayList<>();
        int[] spaces = new int[count[0]];
        String[] types = new String[count[0]];
        for (int i = 0; i < count[0]; i++) {
            try {
                int[] space = new int[1];
                CL.clGetKernelArgInfo(kernel, i, CL.CL_KERNEL_ARG_ADDRESS_QUALIFIER, Sizeof.cl_uint, Pointer.to(space), null);
                long[] qualifiers = new long[1];
                CL.clGetKernelArgInfo(kernel, i, CL.CL_KERNEL_ARG_TYPE_QUALIFIER, Sizeof.cl_long, Pointer.to(qualifiers), null);
                String type = argString(kernel, i, CL.CL_KERNEL_ARG_TYPE_NAME);
                spaces[i] = space[0];
                types[i] = type.replace("*", "").strip();
                parameters.add(new KernelParameter(argString(kernel, i, CL.CL_KERNEL_ARG_NAME),
                        declaration(space[0], qualifiers[0], type)));
            } catch (CLException e) {
                // CL_KERNEL_ARG_INFO_NOT_AVAILABLE: a driver that ignores -cl-kernel-arg-info.
                parameters.add(new KernelParameter("arg" + i, "?"));
            }
        }
        return new OpenClKernel(program, device, name, kernel, parameters, spaces, types);
    }

    @Override
    protected void bind(int index, Object value) {
        int space = spaces[index];
        String type = types[index];
        if (value instanceof DeviceBuffer buffer) {
            if (space != 0 && space != CL.CL_KERNEL_ARG_ADDRESS_GLOBAL && space != CL.CL_KERNEL_ARG_ADDRESS_CONSTANT) {
                throw mismatch(index, value, expected(index));
            }
            ElementType element = elementType(type);
            if (space != 0 && element != null && element != buffer.type()) {
                throw mismatch(index, value, "a buffer of " + element.javaName() + "s (ElementType." + element + ")");
            }
            cl_mem mem = ((OpenClBuffer) buffer).mem();
            // An empty buffer has no cl_mem; OpenCL passes a NULL pointer for a NULL value.
            set(index, value, Sizeof.cl_mem, mem == null ? null : Pointer.to(mem));
        } else if (value instanceof LocalMemory local) {
            if (space != 0 && space != CL.CL_KERNEL_ARG_ADDRESS_LOCAL) {
                throw mismatch(index, value, expected(index));
            }
            set(index, value, local.bytes(), null);
        } else {
            if (space != 0 && space != CL.CL_KERNEL_ARG_ADDRESS_PRIVATE) {
                throw mismatch(index, value, expected(index));
            }
            ElementType wanted = elementType(type);
            if (space != 0 && wanted != null && wanted != scalarType(value)) {
                throw mismatch(index, value, article(wanted.javaName()) + ": arg(" + index + ", (" + wanted.javaName()
                        + ") value)");
            }
            switch (scalarType(value)) {
                case INT -> set(index, value, Sizeof.cl_int, Pointer.to(new int[] {(Integer) value}));
                case LONG -> set(index, value, Sizeof.cl_long, Pointer.to(new long[] {(Long) value}));
                case FLOAT -> set(index, value, Sizeof.cl_float, Pointer.to(new float[] {(Float) value}));
                case DOUBLE -> set(index, value, Sizeof.cl_double, Pointer.to(new double[] {(Double) value}));
            }
        }
    }

    @Override
    protected void bindSharedMemory(long bytes) {
        throw new RanksException(ErrorClass.ARG, "sharedMemory(" + bytes + ") of kernel '" + name() + "': OpenCL work-group"
                + " memory is a __local pointer argument: expected localArg(index, bytes) for it");
    }

    @Override
    protected long workGroupLimit() {
        return device.workGroupLimit(kernel);
    }

    @Override
    protected long[] workItemLimits() {
        return device.workItemLimits();
    }

    @Override
    protected void run(long[] globalSize, long[] localSize) {
        long[] needed = new long[1];
        CL.clGetKernelWorkGroupInfo(kernel, device.id(), CL.CL_KERNEL_LOCAL_MEM_SIZE, Sizeof.cl_long, Pointer.to(needed),
                null);
        if (needed[0] > device.localMemoryBytes()) {
            throw new RanksException(ErrorClass.ARG, "launch of kernel '" + name() + "': it needs " + needed[0] + " bytes of"
                    + " local memory per work group (its __local variables and localArg sizes): expected at most "
                    + device.localMemoryBytes() + ", what " + device.info().name() + " has");
        }
        try {
            CL.clEnqueueNDRangeKernel(device.queue(), kernel, globalSize.length, null, globalSize, localSize, 0, null, null);
            CL.clFinish(device.queue());
        } catch (CLException e) {
            int status = e.getStatus();
            if (status == CL.CL_INVALID_WORK_GROUP_SIZE || status == CL.CL_INVALID_WORK_ITEM_SIZE
                    || status == CL.CL_INVALID_GLOBAL_WORK_SIZE || status == CL.CL_INVALID_KERNEL_ARGS) {
                throw new RanksException(ErrorClass.ARG, -1, "launch of kernel '" + name() + "' failed: "
                        + CL.stringFor_errorCode(status), e);
            }
            throw OpenClDevice.translate("launch kernel " + name(), e);
        }
    }

    @Override
    protected void release() {
        CL.clReleaseKernel(kernel);
    }

    private void set(int index, Object value, long size, Pointer pointer) {
        try {
            CL.clSetKernelArg(kernel, index, size, pointer);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_INVALID_ARG_SIZE) {
                throw mismatch(index, value, "a value of the parameter's size (CL_INVALID_ARG_SIZE)");
            }
            throw new RanksException(ErrorClass.ARG, -1, "arg(" + index + ", " + describe(value) + ") of kernel '" + name()
                    + "' failed: " + CL.stringFor_errorCode(e.getStatus()), e);
        }
    }

    private String expected(int index) {
        int space = spaces[index];
        if (space == CL.CL_KERNEL_ARG_ADDRESS_LOCAL) {
            return "local memory: localArg(" + index + ", bytes)";
        }
        if (space == CL.CL_KERNEL_ARG_ADDRESS_PRIVATE) {
            return article(types[index]) + " value";
        }
        return "a buffer";
    }

    // The element types whose host arrays match an OpenCL C scalar type; others go unchecked.
    private static ElementType elementType(String type) {
        return switch (type == null ? "" : type) {
            case "int", "uint" -> ElementType.INT;
            case "long", "ulong" -> ElementType.LONG;
            case "float" -> ElementType.FLOAT;
            case "double" -> ElementType.DOUBLE;
            default -> null;
        };
    }

    private static String article(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static ElementType scalarType(Object value) {
        if (value instanceof Integer) {
            return ElementType.INT;
        }
        if (value instanceof Long) {
            return ElementType.LONG;
        }
        return value instanceof Float ? ElementType.FLOAT : ElementType.DOUBLE;
    }

    private static String declaration(int space, long qualifiers, String type) {
        StringBuilder s = new StringBuilder();
        if (space == CL.CL_KERNEL_ARG_ADDRESS_GLOBAL) {
            s.append("__global ");
        } else if (space == CL.CL_KERNEL_ARG_ADDRESS_LOCAL) {
            s.append("__local ");
        } else if (space == CL.CL_KERNEL_ARG_ADDRESS_CONSTANT) {
            s.append("__constant ");
        }
        if ((qualifiers & CL.CL_KERNEL_ARG_TYPE_CONST) != 0 && space != CL.CL_KERNEL_ARG_ADDRESS_CONSTANT) {
            s.append("const ");
        }
        if ((qualifiers & CL.CL_KERNEL_ARG_TYPE_VOLATILE) != 0) {
            s.append("volatile ");
        }
        s.append(type);
        if ((qualifiers & CL.CL_KERNEL_ARG_TYPE_RESTRICT) != 0) {
            s.append(" restrict");
        }
        return s.toString();
    }

    private static String argString(cl_kernel kernel, int index, int param) {
        long[] size = new long[1];
        CL.clGetKernelArgInfo(kernel, index, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetKernelArgInfo(kernel, index, param, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "").strip();
    }
}
