package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.util.List;
import org.eventbooking.sink.testsupport.PostgresServerProcess;

/** The private PostgreSQL cluster of the dev platform (scripts/postgres.sh), its data in the data dir. */
final class PostgresPart implements Part {

    private final PostgresServerProcess server;

    private PostgresPart(PostgresServerProcess server) {
        this.server = server;
    }

    /** Starts (initialising on first use) and returns once it accepts clients. */
    static PostgresPart start(Path dataDir, int port) {
        return new PostgresPart(PostgresServerProcess.start(dataDir, port));
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/booking?user=booking&password=booking} */
    String url() {
        return server.url();
    }

    /** Fast shutdown (clients see their connections drop), then a start on the same port and data. */
    void restart() {
        server.stop();
        server.restart();
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    // Not a child: pg_ctl runs the server in a session of its own; it is watched by its pid.
    @Override
    public List<ProcessHandle> processes() {
        return ProcessHandle.of(server.serverPid()).stream().toList();
    }

    @Override
    public Path log() {
        return server.log();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
