/**
 * The {@code launcher} command line (picocli): runs workloads and benchmarks as ranks.
 *
 * <p>One class per subcommand; the options every job shares ({@code -n}, {@code --device},
 * {@code --eager-limit}) live in a mixin inherited by every subcommand, so they may come before or
 * after the command's name. Commands print through the command line's writers, ranks' lines as
 * they happen. {@link dev.ranks.launcher.ExitCodes} is the one place that turns job results and
 * errors into exit codes.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.launcher;
