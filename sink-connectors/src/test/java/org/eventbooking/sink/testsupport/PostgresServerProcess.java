package org.eventbooking.sink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, private PostgreSQL 15 server for integration tests and {@code ./booking dev}, run by the
 * project's {@code scripts/postgres.sh} (Debian binaries, loopback only, its own data dir). It can be
 * stopped and started again on the same port and data to play an outage.
 */
public final class PostgresServerProcess implements AutoCloseable {

    private final Path script;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private String url;

    private PostgresServerProcess(Path script, Path dataDir, boolean ownsDataDir) {
        this.script = script;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /** Initialises a new cluster in a temp dir (deleted on close) on a free port; waits until it accepts clients. */
    public static PostgresServerProcess start() {
        try {
            return start(Files.createTempDirectory("postgres-it-"), true, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for PostgreSQL", e);
        }
    }

    /**
     * Starts the cluster in {@code dataDir} (initialised if new, kept on close) and waits until it accepts
     * clients; {@code port} 0 reuses the port of its last run when free, else picks a free one.
     */
    public static PostgresServerProcess start(Path dataDir, int port) {
        return start(dataDir, false, port == 0 ? List.of() : List.of(Integer.toString(port)));
    }

    private static PostgresServerProcess start(Path dataDir, boolean ownsDataDir, List<String> portArgument) {
        PostgresServerProcess server = new PostgresServerProcess(findScript(), dataDir, ownsDataDir);
        server.url = server.run("start", portArgument);
        return server;
    }

    /** The process id of the running server (the postmaster), from its {@code postmaster.pid}. */
    public long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL in " + dataDir + " is not running (no postmaster.pid)", e);
        }
    }

    public Path log() {
        return dataDir.resolve("postgres.log");
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/booking?user=booking&password=booking} */
    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Fast shutdown: clients see their connections drop and new ones refused. */
    public void stop() {
        run("stop", List.of());
    }

    /** Starts the stopped server again, same port, same data. */
    public void restart() {
        url = run("start", List.of());
    }

    @Override
    public void close() {
        stop();
        if (!ownsDataDir) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }

    private String run(String command, List<String> arguments) {
        List<String> line = new ArrayList<>(List.of("bash", script.toString(), command, dataDir.toString()));
        line.addAll(arguments);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within 90 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                // The script names what is missing (the Debian package `postgresql`) or the server log's tail.
                throw new IllegalStateException(String.join(" ", line) + " failed (exit " + process.exitValue()
                        + "). A real server is needed: install the Debian package with `apt-get install postgresql`"
                        + " (or scripts/ensure-packages.sh postgresql); run as root, the server runs as the `postgres`"
                        + " user, who must be able to enter every directory above " + dataDir + ". Output:\n" + output);
            }
            List<String> lines = output.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    // Tests run with the module as working directory; the script is at the repository root.
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts").resolve("postgres.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/postgres.sh not found above " + Path.of("").toAbsolutePath());
    }
}
