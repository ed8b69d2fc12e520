/**
 * Test support for modules that run jobs of {@link dev.ranks.collectives.Intracomm}s, shipped in
 * the collectives test-jar.
 */
package dev.ranks.collectives.testkit;
