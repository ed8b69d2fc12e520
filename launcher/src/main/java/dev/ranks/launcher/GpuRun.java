package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.gpu.GpuArray;
import dev.ranks.workloads.gpu.GpuReport;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a GPU kernel as a rank job and has rank 0 print its report. */
final class GpuRun {
    private GpuRun() {
    }

    /** An array as numpy prints it. */
    static String format(GpuArray array) {
        if (array.rows() < 0) {
            return NumpyFormat.scalar(array.values()[0]);
        }
        return array.rows() == 0 ? NumpyFormat.vector(array.values())
                : NumpyFormat.matrix(array.values(), array.rows(), array.cols());
    }

    /**
     * Runs the job; a result that fails its check fails rank 0, so the job exits 1. The arrays the report holds (only
     * where the run was asked to print them) print before it, after the progress bar ends.
     *
     * @return the job's exit code
     */
    static int job(GpuCommand gpu, CommandSpec spec, Progress progress, Function<Intracomm, GpuReport> kernel) {
        PrintWriter out = spec.commandLine().getOut();
        return gpu.job().run(spec, 1, comm -> {
            GpuReport report = kernel.apply(comm);
            if (report != null) {
                progress.close();
                for (GpuArray array : report.arrays()) {
                    out.println(array.name() + ":");
                    out.println(format(array));
                }
                report.print(out);
                if (!report.ok()) {
                    throw new RanksException(ErrorClass.INTERNAL, comm.rank(), "the result differs from the Java"
                            + " reference by " + report.error() + ", more than " + report.tolerance(), null);
                }
            }
        });
    }
}
