/** Tests for hostfile parsing, its error messages, rank placement and the example hostfiles. */
package dev.ranks.hostfiles;
