package dev.ranks.workloads.gpu;

import java.util.Objects;

/**
 * One of a batch's whole arrays on rank 0, an input or the result, handed back in the report when the run was asked
 * to print them ({@link GpuBatch.Spec#print()}).
 *
 * @param name the array's name, such as {@code a} or {@code C}
 * @param values its values, row-major for a matrix; one value for a scalar
 * @param rows its rows for a matrix, 0 for a vector, -1 for a scalar
 * @param cols its columns for a matrix, its length for a vector, 1 for a scalar
 */
public record GpuArray(String name, float[] values, int rows, int cols) {
    /**
     * Checks the shape against the values.
     *
     * @param name the name
     * @param values the values
     * @param rows rows, 0 or -1
     * @param cols columns
     */
    public GpuArray {
        Objects.requireNonNull(name, "name");
        long expected = rows > 0 ? (long) rows * cols : rows == 0 ? cols : 1;
        if (values.length != expected) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for rows " + rows + ", cols "
                    + cols + ": expected " + expected);
        }
    }

    /**
     * A vector.
     *
     * @param name the name
     * @param values the values
     * @return the array
     */
    public static GpuArray vector(String name, float[] values) {
        return new GpuArray(name, values, 0, values.length);
    }

    /**
     * A row-major matrix.
     *
     * @param name the name
     * @param values the values
     * @param rows rows, 1 or more
     * @param cols columns
     * @return the array
     */
    public static GpuArray matrix(String name, float[] values, int rows, int cols) {
        return new GpuArray(name, values, rows, cols);
    }

    /**
     * One value, such as a reduction's result.
     *
     * @param name the name
     * @param value the value
     * @return the array
     */
    public static GpuArray scalar(String name, float value) {
        return new GpuArray(name, new float[] {value}, -1, 1);
    }
}
