package dev.ranks.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version} with the project version the build wrote into {@code version.txt}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.txt")) {
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return new String[] {
                "launcher (Ranks) " + version,
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name")
            };
        }
    }
}
