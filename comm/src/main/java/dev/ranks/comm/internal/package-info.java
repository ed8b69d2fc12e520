/**
 * Implementation packages of the comm module.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.comm.internal;
