package dev.ranks.launcher;

import java.util.Locale;

/**
 * What probing one MPJ Express daemon found, made by {@link MpjDaemonProbe#probe}.
 *
 * @param host the host name as written in the hostfile
 * @param port the daemon's port
 * @param state whether the daemon answered, and if not, why
 * @param detail what happened, for people: the reply time, or the error that stopped the probe
 */
record DaemonAnswer(String host, int port, State state, String detail) {

    /** How a probe ended. */
    enum State {
        /** An MPJ Express daemon answered the probe. */
        UP,
        /** Nothing answered: the connection was refused, timed out or the host is unreachable. */
        DOWN,
        /** Something accepted the connection but did not answer as an MPJ Express daemon does. */
        NOT_A_DAEMON,
        /** The host name does not resolve on this machine. */
        UNKNOWN_HOST;

        /** @return the state as status lines print it, such as {@code unknown host} */
        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** @return whether an MPJ Express daemon answered */
    boolean up() {
        return state == State.UP;
    }

    /** @return {@code host:port}, as people type it */
    String address() {
        return host + ":" + port;
    }

    /** @return one status line, such as {@code node01:40055 up (answered in 3 ms)} */
    String line() {
        return address() + " " + state.label() + " (" + detail + ")";
    }
}
