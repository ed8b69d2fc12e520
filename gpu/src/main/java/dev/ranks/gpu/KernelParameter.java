package dev.ranks.gpu;

import java.util.Objects;

/**
 * One parameter of a {@link Kernel}, as its backend describes it: OpenCL's argument info
 * ({@code __global const float* in}), or the parameter list of a PTX entry ({@code .u64 stencil_param_0}).
 *
 * @param name the parameter's name
 * @param type its type with its qualifiers, {@code ?} where the driver gives no argument info
 */
public record KernelParameter(String name, String type) {
    /**
     * Checks the fields.
     *
     * @param name the parameter's name
     * @param type its type
     */
    public KernelParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The parameter as its declaration reads.
     *
     * @return such as {@code __global const float* in}
     */
    public String declaration() {
        return name.isEmpty() ? type : type + " " + name;
    }
}
