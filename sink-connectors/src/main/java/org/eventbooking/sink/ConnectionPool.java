package org.eventbooking.sink;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The task's HikariCP pool. It starts without a database, so a task starts while PostgreSQL is down. */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource create(ProjectionSinkConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("booking-projection-sink");
        pool.setJdbcUrl(config.url);
        if (!config.user.isEmpty()) {
            pool.setUsername(config.user);
        }
        if (!config.password.value().isEmpty()) {
            pool.setPassword(config.password.value());
        }
        pool.setSchema(config.schema);
        pool.setMaximumPoolSize(config.poolSize);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(config.connectTimeoutMs);
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("ApplicationName", "booking-projection-sink");
        return new HikariDataSource(pool);
    }
}
