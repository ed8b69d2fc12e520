package dev.ranks.gpu.cuda;

import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelParameter;
import dev.ranks.gpu.KernelProgram;
import java.util.List;
import java.util.Map;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * A user's CUDA module, loaded from PTX (the user's, or NVRTC's from CUDA C) into the device's primary
 * context; its kernels and their parameters are read from the PTX.
 */
final class CudaProgram extends KernelProgram {
    private final CudaDevice device;
    private final CUmodule module;
    private final Map<String, List<KernelParameter>> entries;

    CudaProgram(CudaDevice device, String name, CUmodule module, Map<String, List<KernelParameter>> entries,
            String log) {
        super(device, name, List.copyOf(entries.keySet()), log);
        this.device = device;
        this.module = module;
        this.entries = entries;
    }

    @Override
    protected Kernel createKernel(String kernelName) {
        device.current();
        CUfunction function = new CUfunction();
        CudaDevice.call("find kernel " + kernelName, () -> JCudaDriver.cuModuleGetFunction(function, module, kernelName));
        return new CudaKernel(this, device, kernelName, function, entries.get(kernelName));
    }

    @Override
    protected void release() {
        device.current();
        JCudaDriver.cuModuleUnload(module);
    }
}
