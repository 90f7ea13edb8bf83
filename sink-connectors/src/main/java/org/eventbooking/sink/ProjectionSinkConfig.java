package org.eventbooking.sink;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.eventbooking.tracing.TracingSettings;

/** Every option of the projection sink, declared once, parsed into typed fields. */
public final class ProjectionSinkConfig extends AbstractConfig {

    public static final String URL = "postgres.url";
    public static final String USER = "postgres.user";
    public static final String PASSWORD = "postgres.password";
    public static final String SCHEMA = "postgres.schema";
    public static final String POOL_SIZE = "postgres.pool.size";
    public static final String CONNECT_TIMEOUT_MS = "postgres.connect.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String MIGRATE = "schema.migrate";
    public static final String METRICS_PORT = "metrics.port";
    public static final String TRACING_OTLP_ENDPOINT = "tracing.otlp.endpoint";
    public static final String TRACING_SAMPLE_RATIO = "tracing.sample.ratio";
    public static final String TRACING_SERVICE_NAME = "tracing.service.name";

    private static final String POSTGRES_GROUP = "PostgreSQL";
    private static final String BEHAVIOUR_GROUP = "Behaviour";
    private static final String TRACING_GROUP = "Tracing";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrlValidator(), Importance.HIGH,
                    "JDBC URL of the reporting database, e.g. jdbc:postgresql://127.0.0.1:5432/booking"
                            + " (user and password may be URL parameters instead of the options below).",
                    POSTGRES_GROUP, 1, Width.LONG, "JDBC URL")
            .define(USER, Type.STRING, "", Importance.HIGH,
                    "Database user; empty to take it from the URL.", POSTGRES_GROUP, 2, Width.MEDIUM, "User")
            .define(PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Database password; empty to take it from the URL.", POSTGRES_GROUP, 3, Width.MEDIUM, "Password")
            .define(SCHEMA, Type.STRING, "public",
                    ConfigDef.LambdaValidator.with((name, value) -> requireIdentifier(name, (String) value),
                            () -> "a lower-case SQL identifier"),
                    Importance.MEDIUM, "Schema holding the reporting tables; created if missing.",
                    POSTGRES_GROUP, 4, Width.SHORT, "Schema")
            .define(POOL_SIZE, Type.INT, 2, Range.between(1, 64), Importance.LOW,
                    "Connections per task (HikariCP). A task writes one transaction at a time; the second"
                            + " connection lets a broken one be replaced without waiting.",
                    POSTGRES_GROUP, 5, Width.SHORT, "Pool size")
            .define(CONNECT_TIMEOUT_MS, Type.LONG, 5_000L, Range.between(250, 600_000), Importance.LOW,
                    "How long a write waits for a connection before the batch is retried later.",
                    POSTGRES_GROUP, 6, Width.SHORT, "Connect timeout (ms)")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.between(0, 600_000), Importance.MEDIUM,
                    "Pause before Connect redelivers a batch that failed because PostgreSQL was unavailable;"
                            + " retries go on until it is back, so nothing is lost.",
                    BEHAVIOUR_GROUP, 1, Width.SHORT, "Retry backoff (ms)")
            .define(MIGRATE, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Apply the plugin's Flyway migrations when a task starts writing. Turn off where the"
                            + " schema is managed separately (then it must be at the plugin's version).",
                    BEHAVIOUR_GROUP, 2, Width.SHORT, "Migrate schema")
            .define(METRICS_PORT, Type.INT, -1, Range.between(-1, 65_535), Importance.LOW,
                    "Port of the worker's Prometheus endpoint (GET /metrics: projection lag, rows written, JVM);"
                            + " every connector of a worker must name the same port. -1 serves none.",
                    BEHAVIOUR_GROUP, 3, Width.SHORT, "Metrics port")
            .define(TRACING_OTLP_ENDPOINT, Type.STRING, "", Importance.LOW,
                    "OTLP/HTTP endpoint the spans of the batch writes go to (Jaeger: http://jaeger:4318);"
                            + " empty traces nothing.",
                    TRACING_GROUP, 1, Width.LONG, "OTLP endpoint")
            .define(TRACING_SAMPLE_RATIO, Type.DOUBLE, 1.0, Range.between(0.0, 1.0), Importance.LOW,
                    "Share of batches traced that continue no sampled trace; a batch whose facts carry a"
                            + " sampled traceparent is always traced.",
                    TRACING_GROUP, 2, Width.SHORT, "Sample ratio")
            .define(TRACING_SERVICE_NAME, Type.STRING, "projection-sink", Importance.LOW,
                    "The service the spans are reported under.",
                    TRACING_GROUP, 3, Width.MEDIUM, "Service name");

    public final String url;
    public final String user;
    public final Password password;
    public final String schema;
    public final int poolSize;
    public final long connectTimeoutMs;
    public final long retryBackoffMs;
    public final boolean migrate;
    public final int metricsPort;
    public final TracingSettings tracing;

    public ProjectionSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        url = getString(URL);
        user = getString(USER);
        password = getPassword(PASSWORD);
        schema = getString(SCHEMA);
        poolSize = getInt(POOL_SIZE);
        connectTimeoutMs = getLong(CONNECT_TIMEOUT_MS);
        retryBackoffMs = getLong(RETRY_BACKOFF_MS);
        migrate = getBoolean(MIGRATE);
        metricsPort = getInt(METRICS_PORT);
        tracing = new TracingSettings(getString(TRACING_OTLP_ENDPOINT), getDouble(TRACING_SAMPLE_RATIO),
                getString(TRACING_SERVICE_NAME));
    }

    private static void requireIdentifier(String name, String value) {
        if (value == null || !value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigException(name, value, "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*)");
        }
    }

    private static final class JdbcUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !((String) value).startsWith("jdbc:postgresql://")) {
                throw new ConfigException(name, value, "must be a PostgreSQL JDBC URL: jdbc:postgresql://host:port/database");
            }
        }

        @Override
        public String toString() {
            return "jdbc:postgresql://host:port/database";
        }
    }
}
