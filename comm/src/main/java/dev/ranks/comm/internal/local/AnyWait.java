package dev.ranks.comm.internal.local;

import java.util.function.IntConsumer;

/** Waiting for whichever of several requests completes first (MPI_Waitany). */
final class AnyWait implements Wait {
    private final LocalRequest[] requests;

    AnyWait(LocalRequest[] requests) {
        this.requests = requests;
    }

    int firstDone() {
        for (int i = 0; i < requests.length; i++) {
            if (requests[i].done()) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean done() {
        return firstDone() >= 0;
    }

    @Override
    public SharedCopy sharedCopy() {
        for (LocalRequest r : requests) {
            SharedCopy copy = r.sharedCopy();
            if (copy != null) {
                return copy;
            }
        }
        return null;
    }

    @Override
    public void arm(Thread waiter) {
        for (LocalRequest r : requests) {
            r.arm(waiter);
        }
    }

    @Override
    public void disarm() {
        for (LocalRequest r : requests) {
            r.disarm();
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("waitAny(");
        for (int i = 0; i < requests.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(requests[i].describe());
        }
        return sb.append(')').toString();
    }

    @Override
    public void targets(IntConsumer ranks) {
        for (LocalRequest r : requests) {
            r.targets(ranks);
        }
    }
}
