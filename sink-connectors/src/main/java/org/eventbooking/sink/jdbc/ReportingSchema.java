package org.eventbooking.sink.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The reporting tables, by Flyway migrations shipped in the plugin. Safe with several tasks at
 * once: Flyway serialises migrations on PostgreSQL with an advisory lock, and applied versions are
 * skipped, so every task may call {@link #migrate} at start.
 */
public final class ReportingSchema {

    static final String LOCATION = "classpath:db/migration/booking_reporting";

    private ReportingSchema() {
    }

    public static void migrate(DataSource dataSource, String schema) {
        // The plugin's own class loader: under Connect the migrations live in the plugin's isolated loader.
        Flyway.configure(ReportingSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .load()
                .migrate();
    }
}
