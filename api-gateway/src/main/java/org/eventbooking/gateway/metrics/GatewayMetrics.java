package org.eventbooking.gateway.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.eventbooking.topology.DecisionObserver;

/**
 * The node's Prometheus metrics. It owns its registry rather than using the global default one,
 * so that tests, and two nodes started in one JVM, never see each other's series.
 */
public final class GatewayMetrics {

    /** The Prometheus text exposition format 0.0.4, what {@link #scrape()} returns. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** The route label of a request no route matched: raw paths would make the label unbounded. */
    public static final String UNMATCHED_ROUTE = "unmatched";
    public static final List<String> HOLD_OUTCOMES =
            List.of("held", "unavailable", "rejected", "rate_limited", "timeout", "error");

    /** Classic buckets from 1 ms to 10 s: a hold waits about one commit interval (100 ms). */
    private static final double[] LATENCY_BUCKETS =
            {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double NANOS_PER_SECOND = 1e9;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram requests = latency("http_server_requests_seconds",
            "HTTP requests by method, route template and status", "method", "route", "status");
    private final Counter holdOutcomes = counter("booking_hold_outcomes_total",
            "Hold requests by outcome", "outcome");
    private final Counter redisUnavailable = counter("booking_redis_unavailable_total",
            "Operations that found Redis unavailable", "operation");
    private final Gauge redisUp = gauge("booking_redis_up", "1 while Redis answers, 0 after a failure");
    private final Histogram commandReplies = latency("booking_command_reply_seconds",
            "Time from producing a command to reading its committed reply");
    private final Gauge streamsState = gauge("booking_streams_state",
            "1 for the current Kafka Streams state, 0 for the others", "state");
    /** Guarded by {@code this}: state listeners of several stream threads may report at once. */
    private final Set<String> knownStates = new HashSet<>();
    private final DomainMetrics decisions = new DomainMetrics(registry);

    public GatewayMetrics() {
        JvmMetrics.builder().register(registry);
        // Series that exist from the start at zero let rate() and alerts see the first increment.
        HOLD_OUTCOMES.forEach(holdOutcomes::initLabelValues);
        // A fresh node has seen no Redis failure; the first failed operation turns this to 0.
        redisUp.set(1);
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            knownStates.add(state.name());
        }
        streamsState(KafkaStreams.State.CREATED.name());
    }

    /** One served request; {@code route} is the matched template, null or blank when none matched. */
    public void recordRequest(String method, String route, int status, long durationNanos) {
        String routeLabel = route == null || route.isBlank() ? UNMATCHED_ROUTE : route;
        requests.labelValues(method, routeLabel, Integer.toString(status)).observe(seconds(durationNanos));
    }

    /** How one hold request ended; {@code outcome} is one of {@link #HOLD_OUTCOMES}. */
    public void holdOutcome(String outcome) {
        if (!HOLD_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("unknown hold outcome " + outcome + ", expected one of " + HOLD_OUTCOMES);
        }
        holdOutcomes.labelValues(outcome).inc();
    }

    public void redisUnavailable(String operation) {
        redisUnavailable.labelValues(operation).inc();
        redisUp.set(0);
    }

    public void redisRecovered() {
        redisUp.set(1);
    }

    /** The time from producing a command to reading its committed reply. */
    public void commandReply(long nanos) {
        commandReplies.observe(seconds(nanos));
    }

    /** Marks {@code state} (a {@link KafkaStreams.State} name) as current and every other state as not. */
    public synchronized void streamsState(String state) {
        knownStates.add(state);
        for (String known : knownStates) {
            streamsState.labelValues(known).set(known.equals(state) ? 1 : 0);
        }
    }

    /** Counts the engine's decisions made on this node: holds, rejections, expiries, payments, refunds. */
    public DecisionObserver decisions() {
        return decisions;
    }

    /** Exports the Streams client's own metrics: processing and commits, thread states, consumer lag, rebalances. */
    public void watch(KafkaStreams streams) {
        registry.register(new KafkaClientMetrics(streams::metrics));
    }

    /** Exports how many records the dead-letter topic holds, asked through {@code admin} at scrape time. */
    public void watchDeadLetters(Admin admin) {
        DeadLetterRecords deadLetters = new DeadLetterRecords(admin);
        GaugeWithCallback.builder().name("booking_dead_letter_records")
                .help("Records in the dead-letter topic (engine and projection sink); anything above 0 needs a look")
                .callback(callback -> {
                    long count = deadLetters.count();
                    if (count >= 0) {
                        callback.call(count);
                    }
                }).register(registry);
    }

    /** Every series in the text exposition format, to serve with {@link #CONTENT_TYPE}. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Histogram latency(String name, String help, String... labels) {
        return Histogram.builder().name(name).help(help).labelNames(labels)
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    }

    private Counter counter(String name, String help, String label) {
        return Counter.builder().name(name).help(help).labelNames(label).register(registry);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
