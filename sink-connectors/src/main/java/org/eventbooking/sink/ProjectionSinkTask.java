package org.eventbooking.sink;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.eventbooking.sink.jdbc.Projected;
import org.eventbooking.sink.jdbc.ProjectionWriter;
import org.eventbooking.sink.jdbc.ProjectionWriter.Rejected;
import org.eventbooking.sink.jdbc.ReportingSchema;
import org.eventbooking.sink.jdbc.SqlFailure;
import org.eventbooking.sink.metrics.BatchMetrics;
import org.eventbooking.sink.projection.RecordProjector;
import org.eventbooking.sink.projection.SourcePosition;
import org.eventbooking.sink.projection.UnprojectableRecordException;
import org.eventbooking.sink.tracing.BatchTracing;
import org.eventbooking.tracing.SpanWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects each batch Connect delivers in one PostgreSQL transaction. Delivery is at least once;
 * the forward-only upserts make a second delivery change nothing, so the effect is exactly once.
 * Errors by what can be done: PostgreSQL away → retry the batch after a backoff; a record that
 * cannot be projected → dead-letter topic, and go on; wrong settings → fail, naming them.
 */
public final class ProjectionSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionSinkTask.class);

    private final RecordProjector projector = new RecordProjector();
    private final ProjectionWriter writer = new ProjectionWriter();
    private final BiFunction<ProjectionSinkConfig, Map<String, String>, BatchTracing> tracingFactory;
    private ProjectionSinkConfig config;
    private HikariDataSource dataSource;
    private boolean schemaReady;
    private BatchMetrics metrics;
    private BatchTracing tracing;

    public ProjectionSinkTask() {
        this(BatchTracing::of);
    }

    /** A task whose tracing is made by {@code tracingFactory} (tests pass an in-memory exporter). */
    ProjectionSinkTask(BiFunction<ProjectionSinkConfig, Map<String, String>, BatchTracing> tracingFactory) {
        this.tracingFactory = tracingFactory;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ProjectionSinkConfig(props);
        dataSource = ConnectionPool.create(config);
        schemaReady = !config.migrate;
        metrics = BatchMetrics.of(config, props);
        tracing = tracingFactory.apply(config, props);
        try {
            migrateOnce();
        } catch (RuntimeException e) {
            if (SqlFailure.classify(e) != SqlFailure.TRANSIENT) {
                throw classified(e);
            }
            // PostgreSQL is away: the task starts anyway, and the first put migrates (or retries) once it is back.
            LOG.warn("cannot migrate the reporting schema yet ({}); retrying with the first batch", SqlFailure.describe(e));
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        SpanWork.run(tracing.start(records), () -> writeBatch(records));
    }

    private void writeBatch(Collection<SinkRecord> records) {
        List<Projected<SinkRecord>> projected = project(records);
        if (projected.isEmpty()) {
            return;
        }
        try {
            migrateOnce();
            try (Connection connection = dataSource.getConnection()) {
                write(connection, projected);
            }
            metrics.written(projected);
        } catch (SQLException | RuntimeException e) {
            throw classified(e);
        }
    }

    private List<Projected<SinkRecord>> project(Collection<SinkRecord> records) {
        List<Projected<SinkRecord>> projected = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                projected.add(new Projected<>(record, projector.project(value(record), position(record))));
            } catch (UnprojectableRecordException e) {
                reportErrant(record, e);
            }
        }
        return projected;
    }

    private void write(Connection connection, List<Projected<SinkRecord>> projected) throws SQLException {
        try {
            writer.writeAll(connection, projected);
        } catch (SQLException e) {
            if (SqlFailure.classify(e) != SqlFailure.BAD_DATA) {
                throw e;
            }
            // Some record's data does not fit its table: find which, write the others.
            for (Rejected<SinkRecord> rejected : writer.writeOneByOne(connection, projected)) {
                reportErrant(rejected.origin(), new UnprojectableRecordException(
                        "PostgreSQL refused the record: " + rejected.reason()));
            }
        }
    }

    private void migrateOnce() {
        if (!schemaReady) {
            ReportingSchema.migrate(dataSource, config.schema);
            schemaReady = true;
        }
    }

    private RuntimeException classified(Exception e) {
        if (e instanceof ConnectException connect) {
            return connect;
        }
        switch (SqlFailure.classify(e)) {
            case TRANSIENT -> {
                LOG.warn("PostgreSQL unavailable ({}); retrying the batch in {} ms", SqlFailure.describe(e),
                        config.retryBackoffMs);
                context.timeout(config.retryBackoffMs);
                return new RetriableException("PostgreSQL unavailable: " + SqlFailure.describe(e), e);
            }
            default -> {
                return new ConnectException("cannot write to PostgreSQL: " + SqlFailure.describe(e)
                        + "; check " + ProjectionSinkConfig.URL + ", " + ProjectionSinkConfig.USER + ", "
                        + ProjectionSinkConfig.PASSWORD + " and " + ProjectionSinkConfig.SCHEMA
                        + " (the user needs to create tables in the schema)", e);
            }
        }
    }

    private void reportErrant(SinkRecord record, UnprojectableRecordException reason) {
        LOG.warn("dead-lettering {}: {}", position(record), reason.getMessage());
        ErrantRecordReporter reporter = context.errantRecordReporter();
        if (reporter == null) {
            throw new ConnectException("record " + position(record) + " cannot be projected (" + reason.getMessage()
                    + ") and no dead-letter topic is set: configure errors.tolerance=all and"
                    + " errors.deadletterqueue.topic.name", reason);
        }
        // Connect waits for reported records before it commits their offsets; no need to block here.
        reporter.report(record, reason);
    }

    private static byte[] value(SinkRecord record) {
        Object value = record.value();
        if (value != null && !(value instanceof byte[])) {
            throw new UnprojectableRecordException("value is a " + value.getClass().getName()
                    + ", expected bytes: set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        return (byte[]) value;
    }

    // The original position, so a transform that renames topics cannot defeat the forward-only rule.
    private static SourcePosition position(SinkRecord record) {
        return new SourcePosition(record.originalTopic(), record.originalKafkaPartition(), record.originalKafkaOffset());
    }

    @Override
    public void stop() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (tracing != null) {
            tracing.close();
        }
    }
}
