package dev.ranks.launcher;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Tells whether a host name from a hostfile means this machine, so that no ssh is needed to reach it. */
final class LocalHost {
    private LocalHost() {
    }

    /**
     * Decides whether {@code host} is this machine: {@code localhost}, a loopback address, this
     * machine's own name, or a name that resolves to an address of one of this machine's network
     * interfaces. Inside a network namespace the last test sees only that namespace's interfaces,
     * which is what makes the project's namespace "nodes" distinct hosts.
     *
     * @param host a host name or address
     * @return whether it is this machine; false when the name does not resolve
     */
    static boolean isLocal(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                        || NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
            return host.equalsIgnoreCase(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
