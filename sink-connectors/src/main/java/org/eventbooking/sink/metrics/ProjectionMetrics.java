package org.eventbooking.sink.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The projection's Prometheus metrics, served on {@code GET /metrics} of the configured port by the
 * first task of a worker JVM; the worker's other tasks share that server (one per port and JVM).
 * Connect's own metrics go to JMX; these are the ones the dashboards and alerts need.
 */
public final class ProjectionMetrics {

    private static final Map<Integer, ProjectionMetrics> BY_PORT = new HashMap<>();
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Gauge lag;
    private final Counter rows;
    private final Counter records;

    private ProjectionMetrics(PrometheusRegistry registry) {
        lag = Gauge.builder().name("booking_projection_lag_seconds")
                .help("Age of the oldest fact in the task's last written batch when its transaction committed")
                .labelNames("task").register(registry);
        rows = Counter.builder().name("booking_projection_rows_written_total")
                .help("Row changes written to the reporting tables").labelNames("task").register(registry);
        records = Counter.builder().name("booking_projection_records_total")
                .help("Log facts projected into the reporting tables").labelNames("task").register(registry);
    }

    /** The metrics served on {@code port}, starting the server on first use in this JVM. */
    public static synchronized ProjectionMetrics servedOn(int port) {
        return BY_PORT.computeIfAbsent(port, ProjectionMetrics::serve);
    }

    private static ProjectionMetrics serve(int port) {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        ProjectionMetrics metrics = new ProjectionMetrics(registry);
        try {
            // Lives as long as the worker: tasks come and go, the scrape target stays.
            HTTPServer.builder().port(port).registry(registry).buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve projection metrics on port " + port
                    + ": set metrics.port to a free port (or -1 for none)", e);
        }
        return metrics;
    }

    /** One committed batch of {@code task}: its facts, their row changes and the oldest fact's append time. */
    public void written(String task, int facts, int rowChanges, long oldestTimestampMs, long nowMs) {
        records.labelValues(task).inc(facts);
        rows.labelValues(task).inc(rowChanges);
        lag.labelValues(task).set(Math.max(0, nowMs - oldestTimestampMs) / MILLIS_PER_SECOND);
    }
}
