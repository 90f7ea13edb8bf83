package org.eventbooking.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.serde.Json;
import org.eventbooking.sink.projection.RecordProjector;
import org.eventbooking.sink.projection.SourcePosition;
import org.eventbooking.sink.testsupport.Facts;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.eventbooking.sink.testsupport.ReportingTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forward-only upserts against a real PostgreSQL, without Kafka: the rule itself, fact by fact. */
class ProjectionWriterIT {

    private static final String BOOKINGS = "booking-events";
    private static final String PAYMENTS = "payment-events";

    private static PostgresServerProcess postgres;
    private static HikariDataSource dataSource;
    private final RecordProjector projector = new RecordProjector();
    private final ProjectionWriter writer = new ProjectionWriter();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServerProcess.start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        // Two tasks starting together: both migrate, neither fails, the schema is applied once.
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> ReportingSchema.migrate(dataSource, "public")),
                CompletableFuture.runAsync(() -> ReportingSchema.migrate(dataSource, "public"))).get();
        ReportingSchema.migrate(dataSource, "public");
    }

    @AfterAll
    static void stopPostgres() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Projected<String> at(String topic, long offset, LogEvent fact) {
        SourcePosition position = new SourcePosition(topic, 0, offset);
        return new Projected<>(position.toString(), projector.project(Json.write(fact), position));
    }

    private void write(List<Projected<String>> records) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            writer.writeAll(c, records);
        }
    }

    private String value(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ReportingTables.text(c, sql);
        }
    }

    private Map<String, String> checksums() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ReportingTables.checksums(c);
        }
    }

    @Test
    void migrations_ran_once_and_history_gets_monthly_partitions() throws SQLException {
        assertThat(value("SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history WHERE success"))
                .isEqualTo("1,2");
        // scripts/postgres.sh makes it so, as docker-compose.prod.yml does: the sink's keys compare bytewise.
        assertThat(value("SELECT datcollate FROM pg_database WHERE datname = current_database()")).isEqualTo("C");
        write(List.of(at(BOOKINGS, 900, Facts.held("e-part", "b-part", 0, "FLOOR-9-9"))));
        assertThat(value("SELECT count(*) FROM pg_inherits WHERE inhparent = 'booking_events'::regclass"
                + " AND inhrelid = 'booking_events_2026_03'::regclass")).isEqualTo("1");
    }

    @Test
    void a_batch_across_a_month_boundary_gets_both_partitions() throws SQLException {
        Instant lastSecondOfMay = Instant.parse("2026-05-31T23:59:59.999999Z");
        write(List.of(at(BOOKINGS, 960, new SeatsHeld("e-month", "b-may", "u", List.of("FLOOR-1-1"), 100, "EUR",
                        lastSecondOfMay.plusSeconds(600), lastSecondOfMay)),
                at(BOOKINGS, 961, new SeatsHeld("e-month", "b-june", "u", List.of("FLOOR-1-2"), 100, "EUR",
                        lastSecondOfMay.plusSeconds(600), lastSecondOfMay.plusNanos(1_000)))));
        assertThat(value("SELECT string_agg(tableoid::regclass || ':' || booking_id, ',' ORDER BY booking_id)"
                + " FROM booking_events WHERE event_id = 'e-month'"))
                .isEqualTo("booking_events_2026_06:b-june,booking_events_2026_05:b-may");
    }

    @Test
    void instants_keep_their_microseconds_and_numbers_their_values() throws SQLException {
        Instant heldAt = Instant.parse("2026-03-14T10:00:01.234567891Z");
        Instant expiresAt = Instant.parse("1969-12-31T23:59:59.000001Z");
        write(List.of(at(BOOKINGS, 950, new SeatsHeld("e-exact", "b-exact", "u-exact", List.of("FLOOR-1-1", "FLOOR-1-2"),
                9_007_199_254_740_993L, "EUR", expiresAt, heldAt))));
        assertThat(value("SELECT created_at AT TIME ZONE 'UTC' || ' ' || expires_at AT TIME ZONE 'UTC' || ' '"
                + " || total_cents || ' ' || seat_count || ' ' || lifecycle_offset FROM bookings WHERE booking_id = 'b-exact'"))
                .isEqualTo("2026-03-14 10:00:01.234567 1969-12-31 23:59:59.000001 9007199254740993 2 950");
        assertThat(value("SELECT occurred_at AT TIME ZONE 'UTC' || ' ' || src_offset FROM booking_events"
                + " WHERE booking_id = 'b-exact'")).isEqualTo("2026-03-14 10:00:01.234567 950");
    }

    @Test
    void history_detail_is_the_fact_as_written_non_ascii_included() throws SQLException {
        write(List.of(at(BOOKINGS, 970, new SeatsHeld("e-detail", "b-detail", "Zoë-Ünal-東京", List.of("FLOOR-1-1"), 100,
                "EUR", Instant.parse("2026-03-14T10:10:00Z"), Instant.parse("2026-03-14T10:00:00Z")))));
        assertThat(value("SELECT detail->>'type' || ' ' || (detail->>'userId') || ' ' || (detail->'seats'->>0)"
                + " FROM booking_events WHERE booking_id = 'b-detail'")).isEqualTo("SeatsHeld Zoë-Ünal-東京 FLOOR-1-1");
    }

    @Test
    void delivering_the_same_records_again_changes_nothing() throws SQLException {
        List<Projected<String>> log = List.of(at("event-streams", 1, Facts.eventCreated("e-dup")),
                at(BOOKINGS, 1, Facts.held("e-dup", "b1", 1, "FLOOR-1-1", "FLOOR-1-2")),
                at(BOOKINGS, 2, Facts.held("e-dup", "b2", 2, "FLOOR-2-1")),
                at(PAYMENTS, 1, Facts.paymentRequested("e-dup", "b1", 3)),
                at(PAYMENTS, 2, Facts.paymentSucceeded("e-dup", "b1", 4)),
                at(BOOKINGS, 3, Facts.confirmed("e-dup", "b1", 4, "FLOOR-1-1", "FLOOR-1-2")),
                at(BOOKINGS, 4, Facts.expired("e-dup", "b2", 9, "FLOOR-2-1")));
        write(log);
        Map<String, String> once = checksums();
        write(log);
        write(log.subList(2, 5));
        assertThat(checksums()).isEqualTo(once);
        assertThat(value("SELECT status FROM bookings WHERE booking_id = 'b1'")).isEqualTo("CONFIRMED");
        assertThat(value("SELECT status || ' ' || booking_id FROM seats WHERE event_id = 'e-dup' AND seat_id = 'FLOOR-1-2'"))
                .isEqualTo("SOLD b1");
        assertThat(value("SELECT status FROM payments WHERE payment_id = 'pay-b1'")).isEqualTo("SUCCEEDED");
        assertThat(value("SELECT count(*) FROM booking_events WHERE event_id = 'e-dup'")).isEqualTo("6");
    }

    @Test
    void an_older_offset_of_the_same_partition_never_overwrites_a_newer_one() throws SQLException {
        write(List.of(at(BOOKINGS, 10, Facts.held("e-fwd", "b-fwd", 1, "FLOOR-1-1")),
                at(BOOKINGS, 12, Facts.released("e-fwd", "b-fwd", 2, "FLOOR-1-1"))));
        write(List.of(at(BOOKINGS, 10, Facts.held("e-fwd", "b-fwd", 1, "FLOOR-1-1"))));
        assertThat(value("SELECT status || ' ' || src_offset FROM seats WHERE event_id = 'e-fwd'")).isEqualTo("AVAILABLE 12");
        assertThat(value("SELECT status FROM bookings WHERE booking_id = 'b-fwd'")).isEqualTo("RELEASED");
    }

    @Test
    void lifecycle_and_payment_facts_converge_whichever_log_is_read_first() throws SQLException {
        write(List.of(at(BOOKINGS, 20, Facts.held("e-mix", "b-in-order", 1, "FLOOR-1-1")),
                at(PAYMENTS, 20, Facts.paymentRequested("e-mix", "b-in-order", 2))));
        write(List.of(at(PAYMENTS, 21, Facts.paymentRequested("e-mix", "b-payment-first", 2)),
                at(BOOKINGS, 21, Facts.held("e-mix", "b-payment-first", 1, "FLOOR-1-2"))));
        String columns = "SELECT status || ' ' || payment_id || ' ' || total_cents || ' ' || user_id FROM bookings WHERE booking_id = ";
        assertThat(value(columns + "'b-in-order'")).isEqualTo("PAYMENT_PENDING pay-b-in-order 5000 user-1");
        assertThat(value(columns + "'b-payment-first'")).isEqualTo("PAYMENT_PENDING pay-b-payment-first 5000 user-1");
    }

    @Test
    void a_paid_booking_projects_to_the_same_tables_whichever_way_its_two_logs_were_interleaved() throws SQLException {
        List<Projected<String>> lifecycle = List.of(at(BOOKINGS, 40, Facts.held("e-weave", "b-weave", 1, "FLOOR-1-1")),
                at(BOOKINGS, 41, Facts.paymentRequested("e-weave", "b-weave", 2)),
                at(BOOKINGS, 42, Facts.paymentSucceeded("e-weave", "b-weave", 3)),
                at(BOOKINGS, 43, Facts.confirmed("e-weave", "b-weave", 3, "FLOOR-1-1")));
        List<Projected<String>> payments = List.of(at(PAYMENTS, 40, Facts.paymentRequested("e-weave", "b-weave", 2)),
                at(PAYMENTS, 41, Facts.paymentSucceeded("e-weave", "b-weave", 3)));
        Map<String, String> lifecycleFirst = projectedAfresh(List.of(lifecycle, payments));
        Map<String, String> paymentsFirst = projectedAfresh(List.of(payments, lifecycle));
        Map<String, String> alternating = projectedAfresh(List.of(lifecycle.subList(0, 2), payments.subList(0, 1),
                lifecycle.subList(2, 4), payments.subList(1, 2)));

        assertThat(value("SELECT status FROM bookings WHERE booking_id = 'b-weave'")).isEqualTo("CONFIRMED");
        assertThat(paymentsFirst).isEqualTo(lifecycleFirst);
        assertThat(alternating).isEqualTo(lifecycleFirst);
    }

    /** The checksums after the batches were written, one after the other, into emptied tables. */
    private Map<String, String> projectedAfresh(List<List<Projected<String>>> batches) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ProjectedTables.truncate(c);
        }
        for (List<Projected<String>> batch : batches) {
            write(batch);
        }
        return checksums();
    }

    @Test
    void a_late_payment_failure_does_not_revive_an_expired_booking() throws SQLException {
        write(List.of(at(BOOKINGS, 30, Facts.held("e-late", "b-late", 1, "FLOOR-1-1")),
                at(PAYMENTS, 30, Facts.paymentRequested("e-late", "b-late", 2)),
                at(BOOKINGS, 31, Facts.expired("e-late", "b-late", 600, "FLOOR-1-1")),
                at(PAYMENTS, 31, Facts.paymentFailed("e-late", "b-late", 601))));
        assertThat(value("SELECT status FROM bookings WHERE booking_id = 'b-late'")).isEqualTo("EXPIRED");
        assertThat(value("SELECT status FROM payments WHERE payment_id = 'pay-b-late'")).isEqualTo("FAILED");
    }

    @Test
    void several_changes_to_one_row_in_one_batch_apply_in_log_order() throws SQLException {
        write(List.of(at(BOOKINGS, 50, Facts.held("e-rounds", "r-1", 1, "FLOOR-1-1")),
                at(BOOKINGS, 51, Facts.released("e-rounds", "r-1", 2, "FLOOR-1-1")),
                at(BOOKINGS, 52, Facts.held("e-rounds", "r-2", 3, "FLOOR-1-1")),
                at(BOOKINGS, 53, Facts.confirmed("e-rounds", "r-2", 4, "FLOOR-1-1"))));
        assertThat(value("SELECT status || ' ' || booking_id || ' ' || src_offset FROM seats WHERE event_id = 'e-rounds'"))
                .isEqualTo("SOLD r-2 53");
        assertThat(value("SELECT string_agg(booking_id || ':' || status, ',' ORDER BY booking_id) FROM bookings"
                + " WHERE event_id = 'e-rounds'")).isEqualTo("r-1:RELEASED,r-2:CONFIRMED");
    }

    @Test
    void a_record_postgres_refuses_is_rejected_alone() throws SQLException {
        Projected<String> good = at(BOOKINGS, 40, Facts.held("e-bad", "b-good", 1, "FLOOR-1-1"));
        // PostgreSQL text cannot hold a NUL character: valid JSON, not a valid row.
        Projected<String> nulInText = at(BOOKINGS, 41, new SeatsHeld("e-bad", "b-bad", "user\u0000x", List.of("FLOOR-2-1"),
                5000, "EUR", Facts.at(600), Facts.at(2)));
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> writer.writeAll(c, List.of(good, nulInText)))
                    .satisfies(e -> assertThat(SqlFailure.classify(e)).isEqualTo(SqlFailure.BAD_DATA));
            List<ProjectionWriter.Rejected<String>> rejected = writer.writeOneByOne(c, List.of(good, nulInText));
            assertThat(rejected).extracting(ProjectionWriter.Rejected::origin).containsExactly("booking-events-0@41");
            assertThat(rejected.get(0).reason()).startsWith("SQLSTATE 22");
        }
        assertThat(value("SELECT string_agg(booking_id, ',') FROM bookings WHERE event_id = 'e-bad'")).isEqualTo("b-good");
    }
}
