package dev.ranks.comm.internal.local;

/**
 * Padding that keeps a subclass's fields off the cache lines of whatever the heap put before it.
 * Superclass fields come first in an object's layout, so these 128 bytes (two lines, since
 * x86 fetches lines in adjacent pairs) separate the subclass's hot fields from the previous
 * object's; a field of the subclass itself could be reordered among the others.
 */
abstract class CacheLinePad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
}
