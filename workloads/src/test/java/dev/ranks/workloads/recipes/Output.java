package dev.ranks.workloads.recipes;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** What the ranks of a job printed, shared by all of them as a launcher's stdout is. */
final class Output {
    private final StringWriter text = new StringWriter();
    private final PrintWriter writer = new PrintWriter(text, true);

    PrintWriter writer() {
        return writer;
    }

    List<String> lines() {
        return text.toString().lines().toList();
    }
}
