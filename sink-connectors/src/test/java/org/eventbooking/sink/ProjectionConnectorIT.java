package org.eventbooking.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionFactory;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.sink.testsupport.ConnectWorkerProcess;
import org.eventbooking.sink.testsupport.Facts;
import org.eventbooking.sink.testsupport.LogProducer;
import org.eventbooking.sink.testsupport.OtlpReceiver;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.eventbooking.sink.testsupport.ReportingTables;
import org.eventbooking.sink.tracing.BatchTracing;
import org.eventbooking.topology.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The plugin in a real Connect worker (child JVM, plugin from plugin.path) between a real broker and
 * a real PostgreSQL. One platform for the class; each test uses its own event ids, and the last one
 * replays everything the others wrote.
 */
@TestMethodOrder(OrderAnnotation.class)
class ProjectionConnectorIT {

    private static final String CONNECTOR = "reporting";
    private static final String EVENTS = Topics.EVENT_STREAMS.name();
    private static final String BOOKINGS = Topics.BOOKING_EVENTS.name();
    private static final String PAYMENTS = Topics.PAYMENT_EVENTS.name();
    private static final String DLQ = Topics.DEAD_LETTERS.name();
    private static final List<String> LOG_TOPICS = List.of(EVENTS, BOOKINGS, PAYMENTS);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static LocalKafkaCluster kafka;
    private static PostgresServerProcess postgres;
    private static ConnectWorkerProcess worker;
    private static LogProducer log;
    private static Admin admin;
    private static int metricsPort;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startPlatform() throws Exception {
        postgres = PostgresServerProcess.start();
        traces = OtlpReceiver.start();
        kafka = LocalKafkaCluster.builder().build();
        kafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        List<NewTopic> topics = new ArrayList<>();
        LOG_TOPICS.forEach(t -> topics.add(new NewTopic(t, 3, (short) 1)));
        topics.add(new NewTopic(DLQ, 1, (short) 1));
        admin.createTopics(topics).all().get();
        log = new LogProducer(kafka.bootstrapServers());
        worker = ConnectWorkerProcess.start(kafka.bootstrapServers(), Path.of("target", "plugin"));
        worker.putConnector(CONNECTOR, connectorConfig());
        eventually("connector running").until(() -> worker.isRunning(CONNECTOR));
    }

    private static Map<String, String> connectorConfig() throws IOException {
        metricsPort = ConnectWorkerProcess.freePort();
        Map<String, String> config = new HashMap<>();
        config.put(ProjectionSinkConfig.METRICS_PORT, Integer.toString(metricsPort));
        config.put(ProjectionSinkConfig.TRACING_OTLP_ENDPOINT, traces.endpoint());
        config.put("connector.class", ProjectionSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", String.join(",", LOG_TOPICS));
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put(ProjectionSinkConfig.URL, postgres.url());
        config.put(ProjectionSinkConfig.RETRY_BACKOFF_MS, "500");
        config.put(ProjectionSinkConfig.CONNECT_TIMEOUT_MS, "1000");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DLQ);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        return config;
    }

    @AfterAll
    static void stopPlatform() {
        if (worker != null) {
            worker.close();
        }
        if (log != null) {
            log.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    // Until the first batch lands the tables may not exist yet: failed reads count as "not yet".
    private static ConditionFactory eventually(String alias) {
        return await(alias).atMost(WAIT).ignoreExceptions();
    }

    private static String value(String sql) throws SQLException {
        try (Connection c = postgres.connect()) {
            return ReportingTables.text(c, sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = postgres.connect()) {
            return ReportingTables.count(c, sql);
        }
    }

    @Test
    @Order(1)
    void facts_on_the_three_logs_become_rows_and_the_views_answer() throws Exception {
        log.send(EVENTS, Facts.eventCreated("ev-a"));
        log.send(EVENTS, Facts.userRegistered("user-1"));
        log.send(BOOKINGS, Facts.held("ev-a", "a-1", 1, "FLOOR-1-1", "FLOOR-1-2"));
        log.send(BOOKINGS, Facts.held("ev-a", "a-2", 2, "FLOOR-2-1"));
        log.send(BOOKINGS, Facts.held("ev-a", "a-3", 3, "BALCONY-1-1"));
        log.send(PAYMENTS, Facts.paymentRequested("ev-a", "a-1", 4));
        log.send(PAYMENTS, Facts.paymentSucceeded("ev-a", "a-1", 5));
        log.send(BOOKINGS, Facts.confirmed("ev-a", "a-1", 5, "FLOOR-1-1", "FLOOR-1-2"));
        log.send(BOOKINGS, Facts.expired("ev-a", "a-2", 600, "FLOOR-2-1"));
        log.send(BOOKINGS, Facts.released("ev-a", "a-3", 7, "BALCONY-1-1"));
        log.flush();

        eventually("rows of ev-a").until(() -> count("SELECT count(*) FROM booking_events WHERE event_id = 'ev-a'") == 8
                && "CONFIRMED".equals(value("SELECT status FROM bookings WHERE booking_id = 'a-1'")));
        assertThat(value("SELECT string_agg(booking_id || ':' || status, ',' ORDER BY booking_id) FROM bookings"
                + " WHERE event_id = 'ev-a'")).isEqualTo("a-1:CONFIRMED,a-2:EXPIRED,a-3:RELEASED");
        assertThat(value("SELECT string_agg(seat_id || ':' || status, ',' ORDER BY seat_id) FROM seats WHERE event_id = 'ev-a'"))
                .isEqualTo("BALCONY-1-1:AVAILABLE,FLOOR-1-1:SOLD,FLOOR-1-2:SOLD,FLOOR-2-1:AVAILABLE");
        assertThat(value("SELECT status || ' ' || amount_cents FROM payments WHERE booking_id = 'a-1'")).isEqualTo("SUCCEEDED 10000");
        assertThat(value("SELECT held || '/' || sold || '/' || available FROM event_occupancy"
                + " WHERE event_id = 'ev-a' AND section = 'FLOOR'")).isEqualTo("0/2/198");
        assertThat(value("SELECT day || ' ' || bookings_confirmed || ' ' || seats_sold || ' ' || gross_cents"
                + " FROM sales_by_day WHERE event_id = 'ev-a'")).isEqualTo("2026-03-14 1 2 10000");
        assertThat(value("SELECT revenue_cents FROM revenue_by_event WHERE event_id = 'ev-a'")).isEqualTo("10000");
        assertThat(value("SELECT holds_created || '/' || holds_expired || '/' || holds_released || '/' || holds_confirmed"
                + " FROM hold_funnel WHERE event_id = 'ev-a'")).isEqualTo("3/1/1/1");
        eventually("user row").until(() -> count("SELECT count(*) FROM users WHERE user_id = 'user-1'") == 1);
    }

    @Test
    @Order(2)
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_records_are_still_projected() throws Exception {
        log.sendRaw(BOOKINGS, "ev-p", "{this is not json");
        log.sendRaw(BOOKINGS, "ev-p", "{\"type\":\"SeatsTeleported\",\"eventId\":\"ev-p\"}");
        log.sendRaw(BOOKINGS, "ev-p", "{\"type\":\"HoldExpired\",\"eventId\":\"ev-p\",\"seats\":[],"
                + "\"occurredAt\":\"2026-03-14T10:00:00Z\"}");
        log.send(BOOKINGS, Facts.held("ev-p", "p-1", 1, "FLOOR-1-1"));
        log.flush();

        eventually("record after the poison")
                .until(() -> count("SELECT count(*) FROM bookings WHERE booking_id = 'p-1'") == 1);
        List<String> reasons = deadLetterReasons(3);
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("not a valid LogEvent");
        assertThat(reasons.get(1)).contains("SeatsTeleported");
        assertThat(reasons.get(2)).contains("bookingId");
        assertThat(worker.isRunning(CONNECTOR)).as(worker.status(CONNECTOR).toString()).isTrue();
    }

    @Test
    @Order(3)
    void postgres_stopped_and_restarted_mid_stream_loses_nothing_and_duplicates_nothing() throws Exception {
        log.send(EVENTS, Facts.eventCreated("ev-o"));
        log.flush();
        eventually("event row").until(() -> count("SELECT count(*) FROM events WHERE event_id = 'ev-o'") == 1);

        postgres.stop();
        int bookings = 60;
        for (int i = 1; i <= bookings; i++) {
            log.send(BOOKINGS, Facts.held("ev-o", "o-" + i, i, "FLOOR-" + (1 + i / 20) + "-" + (1 + i % 20)));
            if (i % 2 == 0) {
                log.send(BOOKINGS, Facts.confirmed("ev-o", "o-" + i, i + 1, "FLOOR-" + (1 + i / 20) + "-" + (1 + i % 20)));
            }
        }
        log.flush();
        Thread.sleep(3_000); // a few failed, retried batches while the database is away
        assertThat(worker.isRunning(CONNECTOR)).as("retriable failures keep the tasks running: "
                + worker.status(CONNECTOR)).isTrue();
        postgres.restart();

        eventually("every booking of ev-o")
                .until(() -> count("SELECT count(*) FROM booking_events WHERE event_id = 'ev-o'") == bookings * 3 / 2);
        assertThat(count("SELECT count(*) FROM bookings WHERE event_id = 'ev-o'")).isEqualTo(bookings);
        assertThat(count("SELECT count(*) FROM bookings WHERE event_id = 'ev-o' AND status = 'CONFIRMED'")).isEqualTo(bookings / 2);
        assertThat(count("SELECT count(*) FROM seats WHERE event_id = 'ev-o' AND status = 'SOLD'")).isEqualTo(bookings / 2);
        assertThat(count("SELECT count(*) FROM seats WHERE event_id = 'ev-o' AND status = 'HELD'")).isEqualTo(bookings / 2);
        assertThat(worker.isRunning(CONNECTOR)).isTrue();
    }

    @Test
    @Order(4)
    void redelivery_and_a_full_replay_leave_identical_tables() throws Exception {
        awaitCommittedToEnd();
        Map<String, String> before = checksums();

        // The same records delivered twice: rewind booking-events to the start, keep the other logs.
        worker.stop(CONNECTOR);
        eventually("stopped").until(() -> "STOPPED".equals(worker.connectorState(CONNECTOR)));
        worker.alterOffsets(CONNECTOR, Map.of("offsets", IntStream.range(0, 3).mapToObj(p -> Map.of(
                "partition", Map.of("kafka_topic", BOOKINGS, "kafka_partition", p),
                "offset", Map.of("kafka_offset", 0))).toList()));
        worker.resume(CONNECTOR);
        awaitCommittedToEnd();
        assertThat(checksums()).isEqualTo(before);

        // Replay: stop → DELETE offsets → resume; every log is read again from offset 0, tables kept.
        worker.stop(CONNECTOR);
        eventually("stopped").until(() -> "STOPPED".equals(worker.connectorState(CONNECTOR)));
        worker.deleteOffsets(CONNECTOR);
        assertThat(worker.offsets(CONNECTOR).path("offsets")).isEmpty();
        worker.resume(CONNECTOR);
        awaitCommittedToEnd();
        assertThat(checksums()).isEqualTo(before);
        assertThat(worker.isRunning(CONNECTOR)).isTrue();
    }

    @Test
    @Order(5)
    void the_worker_exports_every_connect_metric_the_dashboards_and_alerts_use() throws Exception {
        // The list the node-side check (api-gateway MetricCatalogIT) leaves to this test.
        List<String> wanted = Files.readAllLines(Path.of("..", "prometheus", "connect-worker-metrics.txt")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        List<String> exported = scrape.body().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).toList();
        assertThat(wanted).isNotEmpty();
        assertThat(exported).containsAll(wanted).contains("jvm_memory_used_bytes", "process_cpu_seconds_total");
        assertThat(scrape.body()).containsPattern("booking_projection_rows_written_total\\{task=\"\\d\"} [1-9]");
    }

    @Test
    @Order(6)
    void the_write_of_a_traced_fact_is_exported_as_a_span_of_its_trace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String processSpanId = "00f067aa0ba902b7";
        log.sendTraced(BOOKINGS, Facts.held("ev-t", "t-1", 1, "FLOOR-1-1"), "00-" + traceId + "-" + processSpanId + "-01");
        log.flush();

        // The task's SDK batches its spans (every 5 s) and sends them over OTLP/HTTP as Jaeger receives them.
        eventually("projection write span exported").until(() ->
                traces.received(BatchTracing.SPAN_NAME, traceId, processSpanId));
    }

    private static Map<String, String> checksums() throws SQLException {
        try (Connection c = postgres.connect()) {
            return ReportingTables.checksums(c);
        }
    }

    /** Waits until the connector's committed offsets reach the end of every log partition. */
    private static void awaitCommittedToEnd() {
        eventually("offsets committed to the end of the logs").pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(committedOffsets()).isEqualTo(endOffsets()));
    }

    // Offsets of 0 (nothing read yet, or an empty partition) are left out on both sides.
    private static Map<TopicPartition, Long> committedOffsets() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (JsonNode entry : worker.offsets(CONNECTOR).path("offsets")) {
            JsonNode partition = entry.path("partition");
            long offset = entry.path("offset").path("kafka_offset").asLong();
            if (offset > 0) {
                committed.put(new TopicPartition(partition.path("kafka_topic").asText(), partition.path("kafka_partition").asInt()),
                        offset);
            }
        }
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        LOG_TOPICS.forEach(t -> IntStream.range(0, 3).forEach(p -> request.put(new TopicPartition(t, p), OffsetSpec.latest())));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static List<String> deadLetterReasons(int expected) {
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            eventually("dead letters").until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("__connect.errors.exception.message");
                    reasons.add(header == null ? "(no reason header)" : new String(header.value(), StandardCharsets.UTF_8));
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }
}
