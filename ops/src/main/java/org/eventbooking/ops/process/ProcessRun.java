package org.eventbooking.ops.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool to completion and keeps what it printed (stdout and stderr together). */
public record ProcessRun(List<String> command, int exitCode, String output) {

    public static ProcessRun of(Path workDir, String... command) {
        return of(workDir, null, command);
    }

    /** With exactly {@code environment} as the environment (null: this process's own). */
    public static ProcessRun of(Path workDir, Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            return new ProcessRun(List.of(command), process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + ": is it installed? (./booking test installs it"
                    + " with scripts/ensure-packages.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }
}
