package org.eventbooking.ops.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.eventbooking.sink.jdbc.ProjectedTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./booking replay projections}: the reporting tables rebuilt from the log through the sink connector. */
@Command(name = "projections", mixinStandardHelpOptions = true,
        description = {
            "Rebuild the PostgreSQL reporting tables from the log, in place: stops the sink connector, takes the tables'"
                + " checksums, empties them, deletes the connector's offsets through Connect's REST API, resumes it,"
                + " waits until it has projected the whole log, and compares the checksums.",
            "Exit codes: 0 rebuilt (identical, or repaired where the tables had drifted from the log), 1 failed"
                + " (the message says what to do), 2 bad usage."})
public final class ReplayProjectionsCommand extends OperatorCommand {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--connect-url", paramLabel = "URL", defaultValue = "${env:BOOKING_CONNECT_URL:-http://127.0.0.1:8083}",
            description = "REST URL of the Connect worker (default: BOOKING_CONNECT_URL or ${DEFAULT-VALUE}).")
    String connectUrl;

    @Option(names = "--connector", defaultValue = "projections", description = "Name of the sink connector (default: ${DEFAULT-VALUE}).")
    String connector;

    @Option(names = "--postgres-url", paramLabel = "JDBC_URL", defaultValue = "${env:BOOKING_POSTGRES_URL}",
            description = "JDBC URL of the reporting database, with user and password parameters (default: BOOKING_POSTGRES_URL).")
    String postgresUrl;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "Longest wait for the sink to project the log (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Override
    protected int execute() {
        if (postgresUrl == null || postgresUrl.isBlank()) {
            throw new OperatorException("no reporting database: pass --postgres-url or set BOOKING_POSTGRES_URL"
                    + " (scripts/postgres.sh url DIR prints it for a local server)");
        }
        PrintWriter out = out();
        long start = System.nanoTime();
        ConnectRest connect = new ConnectRest(connectUrl, connector);
        connect.state(); // fails with advice when the worker or the connector is not there
        try (Admin admin = kafka.reachableAdmin()) {
            ProjectionRebuild.Outcome outcome = new ProjectionRebuild(connect, connector, postgresUrl, admin, kafka.bootstrap(), System.err)
                    .rebuild(Duration.ofMinutes(timeoutMinutes));
            out.printf("%-16s %-44s %s%n", "table", "before (rows:md5)", "rebuilt");
            for (String table : ProjectedTables.TABLES) {
                out.printf("%-16s %-44s %s%n", table, outcome.before().get(table), outcome.after().get(table));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (outcome.differingTables().isEmpty()) {
                out.printf(Locale.ROOT, "replay projections: OK - %d tables rebuilt from %,d log records in %.1f s; identical to the"
                        + " tables before%n", ProjectedTables.TABLES.size(), outcome.records(), seconds);
            } else {
                out.printf(Locale.ROOT, "replay projections: REPAIRED - %d tables rebuilt from %,d log records in %.1f s; before, %s"
                        + " differed from the log%n", ProjectedTables.TABLES.size(), outcome.records(), seconds,
                        String.join(", ", outcome.differingTables()));
            }
            return OK;
        }
    }
}
