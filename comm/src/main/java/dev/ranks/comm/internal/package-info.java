/** Implementation packages of the comm module; not part of the public API. */
package dev.ranks.comm.internal;
