package org.eventbooking.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.OpsMain;
import org.eventbooking.sink.testsupport.ConnectWorkerProcess;
import org.eventbooking.sink.testsupport.Facts;
import org.eventbooking.sink.testsupport.LogProducer;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.eventbooking.sink.testsupport.ReportingTables;
import org.eventbooking.topology.TopicProvisioner;
import org.eventbooking.topology.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./booking replay projections} and {@code ./booking inspect} against a real broker, a real
 * PostgreSQL and the projection sink in a real Connect worker.
 */
class ReplayProjectionsIT {

    private static final String CONNECTOR = "projections";
    private static final String EVENT = "ev-1";
    private static LocalKafkaCluster kafka;
    private static PostgresServerProcess postgres;
    private static ConnectWorkerProcess worker;

    @BeforeAll
    static void startPlatform() {
        postgres = PostgresServerProcess.start();
        // A loaded CI host may need more than the default minute for a broker to come up.
        kafka = LocalKafkaCluster.builder().heap("-Xmx512m").startTimeout(Duration.ofMinutes(3)).build();
        kafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin).createMissing(3, (short) 1);
        }
        writeHistory();
        worker = ConnectWorkerProcess.start(kafka.bootstrapServers(), Path.of("..", "sink-connectors", "target", "plugin"));
        worker.putConnector(CONNECTOR, connectorConfig());
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> bookings() == 3);
    }

    @AfterAll
    static void stopPlatform() {
        for (AutoCloseable started : new AutoCloseable[] {worker, kafka, postgres}) {
            if (started != null) {
                try {
                    started.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop " + started, e);
                }
            }
        }
    }

    @Test
    void rebuilds_the_tables_from_the_log_identical_and_repairs_a_row_deleted_by_hand() throws Exception {
        Run identical = run("replay", "projections", "--bootstrap", kafka.bootstrapServers(), "--postgres-url", postgres.url(),
                "--connect-url", worker.url());
        assertThat(identical.exit).as(identical.err).isZero();
        assertThat(identical.out).contains("replay projections: OK - 7 tables rebuilt from").contains("identical to the tables before");

        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM bookings WHERE booking_id = 'ev-1.b2'");
        }
        Run repaired = run("replay", "projections", "--bootstrap", kafka.bootstrapServers(), "--postgres-url", postgres.url(),
                "--connect-url", worker.url());
        assertThat(repaired.exit).as(repaired.err).isZero();
        assertThat(repaired.out).contains("replay projections: REPAIRED").contains("before, bookings differed from the log");
        assertThat(bookings()).isEqualTo(3);
        assertThat(worker.isRunning(CONNECTOR)).isTrue();
    }

    @Test
    void an_unreachable_worker_or_a_missing_database_is_a_clear_error() {
        Run noWorker = run("replay", "projections", "--postgres-url", postgres.url(), "--connect-url", "http://127.0.0.1:1");
        assertThat(noWorker.exit).isEqualTo(1);
        assertThat(noWorker.err).contains("cannot reach Kafka Connect at http://127.0.0.1:1").contains("--connect-url");
        Run noDatabase = run("replay", "projections", "--postgres-url", "", "--connect-url", worker.url());
        assertThat(noDatabase.exit).isEqualTo(1);
        assertThat(noDatabase.err).contains("pass --postgres-url or set BOOKING_POSTGRES_URL");
    }

    @Test
    void inspect_shows_the_history_of_a_booking_and_of_an_event() {
        Run booking = run("inspect", "booking", "ev-1.b1", "--bootstrap", kafka.bootstrapServers());
        assertThat(booking.exit).as(booking.err).isZero();
        assertThat(booking.out).contains("booking ev-1.b1: 4 facts", "SeatsHeld", "PaymentRequested", "PaymentSucceeded",
                "BookingConfirmed", "2026-03-14T10:00:10Z", "status now: CONFIRMED");
        Run event = run("inspect", "event", EVENT, "--bootstrap", kafka.bootstrapServers());
        assertThat(event.exit).as(event.err).isZero();
        assertThat(event.out).contains("event ev-1: 9 facts", "EventCreated", "HoldReleased", "HoldExpired");
        Run unknown = run("inspect", "booking", "ev-1.nope", "--bootstrap", kafka.bootstrapServers());
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("no booking ev-1.nope in the log");
    }

    private static void writeHistory() {
        // In transactions, as the engine writes: the sink never commits past the markers at the end.
        try (LogProducer log = LogProducer.transactional(kafka.bootstrapServers(), "replay-projections-it")) {
            log.send(Topics.EVENT_STREAMS.name(), Facts.userRegistered("user-1"));
            log.send(Topics.EVENT_STREAMS.name(), Facts.eventCreated(EVENT));
            String bookings = Topics.BOOKING_EVENTS.name();
            log.send(bookings, Facts.held(EVENT, "ev-1.b1", 10, "FLOOR-1-1", "FLOOR-1-2"));
            log.send(bookings, Facts.held(EVENT, "ev-1.b2", 11, "FLOOR-1-3"));
            log.send(bookings, Facts.held(EVENT, "ev-1.b3", 12, "FLOOR-2-1"));
            for (String topic : new String[] {bookings, Topics.PAYMENT_EVENTS.name()}) {
                log.send(topic, Facts.paymentRequested(EVENT, "ev-1.b1", 20));
                log.send(topic, Facts.paymentSucceeded(EVENT, "ev-1.b1", 30));
            }
            log.send(bookings, Facts.confirmed(EVENT, "ev-1.b1", 30, "FLOOR-1-1", "FLOOR-1-2"));
            log.send(bookings, Facts.released(EVENT, "ev-1.b2", 40, "FLOOR-1-3"));
            log.send(bookings, Facts.expired(EVENT, "ev-1.b3", 700, "FLOOR-2-1"));
            log.flush();
        }
    }

    private static Map<String, String> connectorConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "org.eventbooking.sink.ProjectionSinkConnector");
        config.put("tasks.max", "2");
        config.put("topics", String.join(",", Topics.EVENT_STREAMS.name(), Topics.BOOKING_EVENTS.name(), Topics.PAYMENT_EVENTS.name()));
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("postgres.url", postgres.url());
        return config;
    }

    private static long bookings() throws Exception {
        try (Connection c = postgres.connect()) {
            return ReportingTables.count(c, "SELECT count(*) FROM bookings");
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new OpsMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }
}
