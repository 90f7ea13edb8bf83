package org.eventbooking.ops.replay;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.sink.jdbc.ProjectedTables;

/**
 * Rebuilds the reporting tables in place: the sink connector stopped, the tables' checksums taken,
 * the tables emptied, the sink's offsets deleted through Connect's REST API, the connector resumed,
 * and once its consumer group has committed the last record of every log topic (as it was when
 * stopped), the checksums taken again. Analysts see the tables fill up during the rebuild.
 */
public final class ProjectionRebuild {

    /** Checksums of the tables before and after, by table. */
    public record Outcome(Map<String, String> before, Map<String, String> after, long records) {

        public List<String> differingTables() {
            return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
        }
    }

    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectRest connect;
    private final String connector;
    private final String postgresUrl;
    private final Admin admin;
    private final String bootstrapServers;
    private final PrintStream log;

    public ProjectionRebuild(ConnectRest connect, String connector, String postgresUrl, Admin admin, String bootstrapServers,
                             PrintStream log) {
        this.connect = connect;
        this.connector = connector;
        this.postgresUrl = postgresUrl;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.log = log;
    }

    /**
     * Waits until the running sink has committed every record the log holds now: only then do the
     * live tables show the whole log, so a rebuild that differs means drift, not a sink still behind.
     */
    public void awaitCaughtUp(Duration timeout) {
        Map<TopicPartition, Long> end = LastRecordOffsets.below(bootstrapServers, endOffsets(connect.topics()));
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        await("the running sink to reach the end of the log", timeout, () -> committed(end) >= total);
    }

    public Outcome rebuild(Duration timeout) {
        String[] topics = connect.topics();
        connect.stop();
        await("the connector to stop", STATE_TIMEOUT, () -> "STOPPED".equals(connect.state()));
        log.println("connector " + connector + " stopped");
        Map<TopicPartition, Long> end = LastRecordOffsets.below(bootstrapServers, endOffsets(topics));
        Map<String, String> before;
        try (Connection db = connectDatabase()) {
            before = ProjectedTables.checksums(db);
            ProjectedTables.truncate(db);
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
        log.println("tables emptied: " + String.join(", ", ProjectedTables.TABLES));
        connect.deleteOffsets();
        connect.resume();
        await("the connector to run", STATE_TIMEOUT, connect::running);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        Progress progress = new Progress(log, "project the log", total);
        await("the sink to reach the end of " + String.join(", ", topics), timeout, () -> {
            long done = committed(end);
            progress.accept(done);
            return done >= total;
        });
        log.printf("projected %,d records in %.1f s%n", total, progress.elapsedSeconds());
        try (Connection db = connectDatabase()) {
            return new Outcome(before, ProjectedTables.checksums(db), total);
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
    }

    private Connection connectDatabase() throws SQLException {
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection(postgresUrl);
    }

    private OperatorException databaseFailure(SQLException e) {
        return new OperatorException("PostgreSQL at " + postgresUrl.replaceAll("password=[^&]*", "password=***") + " failed: "
                + e.getMessage() + "; the connector may be stopped: fix the database and run the replay again", e);
    }

    private Map<TopicPartition, Long> endOffsets(String[] topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        KafkaOptions.await(admin.describeTopics(List.of(topics)).allTopicNames(), "describe " + List.of(topics))
                .forEach((name, description) -> description.partitions()
                        .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> end = new HashMap<>();
        KafkaOptions.await(admin.listOffsets(latest).all(), "list end offsets").forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** How far the sink's group has committed, each partition counted up to its last record as of the stop. */
    private long committed(Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> offsets = KafkaOptions.await(
                admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata(), "read the sink's offsets");
        long done = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            OffsetAndMetadata committed = offsets.get(partition.getKey());
            done += committed == null ? 0 : Math.min(committed.offset(), partition.getValue());
        }
        return done;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new OperatorException("gave up waiting for " + what + " after " + timeout.toSeconds()
                        + " s; see the Connect worker's log and GET /connectors/<name>/status");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperatorException("interrupted while waiting for " + what, e);
            }
        }
    }
}
