package org.eventbooking.bench.baseline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time of one PostgreSQL server: the postmaster and all its backends and helpers. The server
 * runs detached (pg_ctl), so it is found through a backend's process id, whose parent is the
 * postmaster.
 */
public final class PostgresCpu {

    private final ProcessHandle postmaster;

    private PostgresCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** Empty when the server is not on this machine or its processes cannot be seen. */
    public static Optional<PostgresCpu> of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return ProcessHandle.of(pid.getLong(1)).flatMap(ProcessHandle::parent).map(PostgresCpu::new);
        }
    }

    public long cpuNs() {
        return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }
}
