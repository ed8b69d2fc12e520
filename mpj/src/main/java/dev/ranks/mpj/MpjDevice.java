package dev.ranks.mpj;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RankMain;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.Device;

/**
 * The {@code mpj} device: ranks are MPJ Express processes (niodev, hybdev) or MPJ's rank threads
 * (multicore), and messages move over MPJ's point-to-point calls (see {@link MpjEndpoint}). It
 * runs the one rank of the process or class loader it is called in, which MPJ started and
 * {@link Mpj#init(String[])} initialised. No deadlock diagnosis: MPJ cannot tell a blocked rank
 * from a slow one; the launcher's {@code --timeout} bounds a job instead.
 */
public final class MpjDevice implements Device {
    /** Creates the device; used by {@link java.util.ServiceLoader}. */
    public MpjDevice() {
    }

    @Override
    public String name() {
        return "mpj";
    }

    @Override
    public JobResult run(int size, Settings settings, RankMain main, CommBinder binder) {
        Mpj.Session session = Mpj.session();
        if (size != session.size()) {
            throw new RanksException(ErrorClass.USAGE, session.rank(), "job size " + size + " does not match the "
                    + session.size() + " ranks MPJ Express started: expected -n " + session.size(), null);
        }
        MpjEndpoint endpoint = new MpjEndpoint(session, settings);
        if (settings.trace() != null && session.control() != null) {
            session.control().traceWith(settings.trace()::part);
        }
        try {
            main.run(binder.bind(endpoint));
        } catch (Throwable t) {
            return session.failed(t);
        }
        // The frame receives every rank keeps posted stay posted: MPJ 0.44 does not implement
        // Cancel, and MPI_Finalize does not mind them.
        return JobResult.completed();
    }
}
