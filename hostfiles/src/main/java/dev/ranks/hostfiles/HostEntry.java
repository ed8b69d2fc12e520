package dev.ranks.hostfiles;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.OptionalInt;

/**
 * One host of a hostfile and the ranks it may run. A host listed on several lines appears once,
 * with the slots of all its lines added up.
 *
 * @param name the host name or IPv4 address, as written in the hostfile
 * @param slots how many ranks the host runs without oversubscription; at least 1
 * @param maxSlots how many ranks the host may run when oversubscription is allowed (Open MPI's
 *     {@code max_slots}), at least {@code slots}; empty when the hostfile sets no limit
 */
public record HostEntry(String name, int slots, OptionalInt maxSlots) {

    /**
     * Checks the entry.
     *
     * @param name the host name or IPv4 address
     * @param slots how many ranks the host runs without oversubscription; at least 1
     * @param maxSlots the oversubscription limit, at least {@code slots}, or empty for none
     * @throws RanksException of class {@link ErrorClass#ARG} if the name is blank, {@code slots}
     *     is below 1 or {@code maxSlots} is below {@code slots}
     */
    public HostEntry {
        if (name == null || name.isBlank()) {
            throw new RanksException(ErrorClass.ARG, "host name '" + name + "': expected a non-blank name");
        }
        if (slots < 1) {
            throw new RanksException(ErrorClass.ARG,
                    "slots " + slots + " for host " + name + ": expected a positive integer");
        }
        if (maxSlots == null) {
            throw new RanksException(ErrorClass.ARG,
                    "maxSlots null for host " + name + ": expected OptionalInt.empty() when there is no limit");
        }
        if (maxSlots.isPresent() && maxSlots.getAsInt() < slots) {
            throw new RanksException(ErrorClass.ARG, "maxSlots " + maxSlots.getAsInt() + " for host " + name
                    + ": expected at least slots (" + slots + ")");
        }
    }

    /**
     * Creates an entry with no oversubscription limit.
     *
     * @param name the host name or IPv4 address
     * @param slots how many ranks the host runs; at least 1
     * @return the entry
     */
    public static HostEntry of(String name, int slots) {
        return new HostEntry(name, slots, OptionalInt.empty());
    }

    /**
     * Creates an entry with an oversubscription limit.
     *
     * @param name the host name or IPv4 address
     * @param slots how many ranks the host runs without oversubscription; at least 1
     * @param maxSlots how many ranks it may run with oversubscription; at least {@code slots}
     * @return the entry
     */
    public static HostEntry of(String name, int slots, int maxSlots) {
        return new HostEntry(name, slots, OptionalInt.of(maxSlots));
    }
}
