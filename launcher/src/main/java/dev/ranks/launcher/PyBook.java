package dev.ranks.launcher;

/**
 * Which Python library's example of the Cookbook (ch. 8) a {@code --book} option asks for: the same computation or
 * query is printed under PyOpenCL's or PyCUDA's labels and layout.
 */
enum PyBook {
    /** PyOpenCL's example. */
    PYOPENCL,
    /** PyCUDA's example. */
    PYCUDA;

    /** Reads pyopencl or pycuda. */
    static final class Converter extends GpuOptions.NameConverter<PyBook> {
        Converter() {
            super(PyBook.class, "pyopencl or pycuda");
        }
    }
}
