package org.eventbooking.ops.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of a supervisor: its output appended to a log file, started in a session of its
 * own (see {@link #SESSION_PREFIX}), stopped with SIGTERM and killed, with whatever it started, when
 * it does not exit within a grace period.
 */
public final class ChildProcess {

    /**
     * Put before a command line so the child runs in a new session ({@code setsid} execs in place,
     * same pid): Ctrl-C at the terminal then reaches only the supervisor, which stops its children
     * one by one in order, rather than all of them at once. Empty where {@code setsid} is missing.
     */
    public static final List<String> SESSION_PREFIX =
            Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir} with the supervisor's environment plus {@code env}.
     *
     * @param name what messages call it, e.g. {@code node-1}
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        List<String> line = new ArrayList<>(SESSION_PREFIX);
        line.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }


    /**
     * SIGTERM, then waits up to {@code grace} for a clean exit; after that SIGKILL to the process
     * and every process it started. Idempotent.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean exited = waitFor(grace);
        if (!exited) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        // Anything it started and left behind (a grandchild of a wrapper script) goes too.
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL ({@code kill -9}) and waits for the exit. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
