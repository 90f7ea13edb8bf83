package org.eventbooking.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The baseline's hold transaction against a real PostgreSQL, under threads that fight over few seats. */
class PostgresHoldRepositoryIT {

    private static final String EVENT = "ev";
    private static PostgresServerProcess postgres;
    private static HikariDataSource pool;
    private final PostgresHoldRepository repository = new PostgresHoldRepository(pool);

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServerProcess.start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.url());
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void stopPostgres() {
        pool.close();
        postgres.close();
    }

    @BeforeEach
    void freshEvent() throws Exception {
        repository.recreateSchema();
        repository.createEvent(EVENT, 1, 5, 10);
    }

    @Test
    void concurrent_holds_never_sell_a_seat_twice() throws Exception {
        Map<String, List<String>> heldBookings = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                workers.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(thread);
                    for (int i = 0; i < 60; i++) {
                        String row = "S1-" + (1 + random.nextInt(5)) + "-";
                        int seat = 1 + random.nextInt(9);
                        // Half the holds ask in descending order: the lock order must not depend on it.
                        List<String> seats = i % 2 == 0 ? List.of(row + seat, row + (seat + 1)) : List.of(row + (seat + 1), row + seat);
                        String booking = "b-" + thread + "-" + i;
                        if (repository.hold(EVENT, booking, "user-" + thread, seats) == HoldDecision.HELD) {
                            heldBookings.put(booking, seats);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }

        Map<String, String> bookingBySeat = new HashMap<>();
        heldBookings.forEach((booking, seats) -> seats.forEach(seat ->
                assertThat(bookingBySeat.put(seat, booking)).as("seat %s granted twice", seat).isNull()));
        assertThat(heldBookings).isNotEmpty();
        assertThat(heldSeatsInTable()).isEqualTo(bookingBySeat);
        assertThat(count("SELECT count(*) FROM baseline_bookings")).isEqualTo(heldBookings.size());
        assertThat(count("SELECT count(*) FROM baseline_seats")).isEqualTo(50);
    }

    @Test
    void a_refused_hold_changes_nothing() throws Exception {
        assertThat(repository.hold(EVENT, "first", "u1", List.of("S1-1-1", "S1-1-2"))).isEqualTo(HoldDecision.HELD);
        assertThat(repository.hold(EVENT, "second", "u2", List.of("S1-1-2", "S1-1-3"))).isEqualTo(HoldDecision.SEAT_TAKEN);
        assertThat(repository.hold(EVENT, "third", "u3", List.of("S1-1-3", "S1-99-1"))).isEqualTo(HoldDecision.UNKNOWN_SEAT);

        assertThat(heldSeatsInTable()).isEqualTo(Map.of("S1-1-1", "first", "S1-1-2", "first"));
        assertThat(count("SELECT count(*) FROM baseline_bookings")).isEqualTo(1);
    }

    private static Map<String, String> heldSeatsInTable() throws Exception {
        Map<String, String> held = new HashMap<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT seat_id, booking_id FROM baseline_seats WHERE status = 'HELD'")) {
            while (rows.next()) {
                held.put(rows.getString(1), rows.getString(2));
            }
        }
        return held;
    }

    private static long count(String query) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
