package org.eventbooking.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.ALICE;
import static org.eventbooking.domain.DomainFixtures.BOB;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.FLOOR;
import static org.eventbooking.domain.DomainFixtures.NOW;
import static org.eventbooking.domain.DomainFixtures.cancel;
import static org.eventbooking.domain.DomainFixtures.confirm;
import static org.eventbooking.domain.DomainFixtures.createEvent;
import static org.eventbooking.domain.DomainFixtures.engineWithEvent;
import static org.eventbooking.domain.DomainFixtures.expire;
import static org.eventbooking.domain.DomainFixtures.holdSeats;
import static org.eventbooking.domain.DomainFixtures.release;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eventbooking.domain.BookingDecider;
import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.RowOccupancy;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.SeatState;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.domain.command.HoldSeats;
import org.junit.jupiter.api.Test;

/** Applying deltas: seat, booking, section and row tables and the expiry index move together. */
class BookingTablesTest {

    private static final Instant EXPIRES_AT = NOW.plusSeconds(600);

    private final Engine engine = engineWithEvent();

    private BookingTables tables() {
        return engine.tables();
    }

    private int rowAvailable(String section, int row) {
        Section s = tables().event(EVENT_ID).orElseThrow().section(section).orElseThrow();
        return tables().availableInRow(EVENT_ID, s, row);
    }

    private Map<String, Object> stored(String table) {
        Map<String, Object> entries = new TreeMap<>();
        tables().byName().get(table).forEach(entries::put);
        return entries;
    }

    private void aliceHolds() {
        engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-1-2", "FLOOR-2-5", "BALCONY-3-8"));
    }

    @Test
    void new_event_has_every_seat_available_and_stores_no_seat() {
        assertThat(engine.availability("FLOOR")).isEqualTo(new SectionAvailability("FLOOR", 50, 50, 0, 0));
        assertThat(engine.availability("BALCONY")).isEqualTo(new SectionAvailability("BALCONY", 24, 24, 0, 0));
        assertThat(rowAvailable("FLOOR", 1)).isEqualTo(10);
        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(stored(StoreNames.SEATS)).isEmpty();
        assertThat(stored(StoreNames.ROWS)).isEmpty();
        assertThat(stored(StoreNames.EXPIRIES)).isEmpty();
    }

    @Test
    void hold_marks_seats_held_and_moves_section_and_row_counts() {
        aliceHolds();

        assertThat(engine.seat("FLOOR-1-2")).isEqualTo(SeatState.held("b-1"));
        assertThat(engine.seat("FLOOR-1-3")).isEqualTo(SeatState.AVAILABLE);
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.HELD);
        assertThat(engine.availability("FLOOR")).isEqualTo(new SectionAvailability("FLOOR", 50, 47, 3, 0));
        assertThat(engine.availability("BALCONY")).isEqualTo(new SectionAvailability("BALCONY", 24, 23, 1, 0));
        assertThat(rowAvailable("FLOOR", 1)).isEqualTo(8);
        assertThat(rowAvailable("FLOOR", 2)).isEqualTo(9);
        assertThat(rowAvailable("FLOOR", 3)).isEqualTo(10);
        assertThat(rowAvailable("BALCONY", 3)).isEqualTo(7);
        assertThat(tables().rowOccupancy(EVENT_ID, "FLOOR", 1)).hasToString("RowOccupancy[1-2]");
        assertThat(tables().rowOccupancy(EVENT_ID, "FLOOR", 3)).isEqualTo(RowOccupancy.EMPTY);
    }

    @Test
    void held_booking_is_due_at_and_after_its_expiry_but_not_before() {
        aliceHolds();
        HoldRef ref = new HoldRef(EVENT_ID, "b-1");

        assertThat(tables().dueHolds(EXPIRES_AT.minusMillis(1), 10)).isEmpty();
        assertThat(tables().dueHolds(EXPIRES_AT, 10)).containsExactly(ref);
        assertThat(tables().dueHolds(EXPIRES_AT.plus(Duration.ofDays(1)), 10)).containsExactly(ref);
    }

    @Test
    void hold_expiring_within_a_millisecond_is_never_due_before_decide_would_expire_it() {
        engine.setNow(NOW.plusNanos(500_000));
        engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1"));
        Instant expiresAt = engine.booking("b-1").expiresAt();
        Instant wholeMilliBefore = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        Instant wholeMilliAfter = wholeMilliBefore.plusMillis(1);

        assertThat(expiresAt).isEqualTo(EXPIRES_AT.plusNanos(500_000));
        assertThat(tables().dueHolds(wholeMilliBefore, 10)).isEmpty();
        engine.setNow(wholeMilliBefore);
        assertThat(engine.reject(expire("b-1")).reason()).isEqualTo(RejectionReason.INVALID_BOOKING_STATE);
        assertThat(tables().dueHolds(wholeMilliAfter, 10)).containsExactly(new HoldRef(EVENT_ID, "b-1"));
        engine.setNow(wholeMilliAfter);
        engine.accept(expire("b-1"));
        assertThat(tables().dueHolds(wholeMilliAfter, 10)).isEmpty();
    }

    @Test
    void due_holds_come_oldest_first_up_to_the_limit() {
        engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1"));
        engine.advance(Duration.ofSeconds(10));
        engine.accept(holdSeats(BOB, "b-0", "FLOOR-1-2"));
        engine.advance(Duration.ofSeconds(10));
        engine.accept(holdSeats(BOB, "b-2", "FLOOR-1-3"));
        Instant all = NOW.plus(Duration.ofHours(1));

        assertThat(tables().dueHolds(all, 10)).extracting(HoldRef::bookingId).containsExactly("b-1", "b-0", "b-2");
        assertThat(tables().dueHolds(all, 2)).extracting(HoldRef::bookingId).containsExactly("b-1", "b-0");
        assertThat(tables().dueHolds(EXPIRES_AT.plusSeconds(10), 10)).extracting(HoldRef::bookingId).containsExactly("b-1", "b-0");
    }

    @Test
    void release_frees_the_seats_without_storing_them_and_leaves_the_expiry_index() {
        aliceHolds();

        engine.accept(release(ALICE, "b-1"));

        assertFreed(BookingStatus.RELEASED);
    }

    @Test
    void expiry_frees_the_seats_and_leaves_the_expiry_index() {
        aliceHolds();
        engine.setNow(EXPIRES_AT);

        engine.accept(expire("b-1"));

        assertFreed(BookingStatus.EXPIRED);
    }

    @Test
    void confirm_sells_the_seats_keeps_rows_taken_and_leaves_the_expiry_index() {
        aliceHolds();

        engine.accept(confirm("b-1", 17_500, "EUR"));

        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.sold("b-1"));
        assertThat(engine.seat("BALCONY-3-8")).isEqualTo(SeatState.sold("b-1"));
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(engine.availability("FLOOR")).isEqualTo(new SectionAvailability("FLOOR", 50, 47, 0, 3));
        assertThat(engine.availability("BALCONY")).isEqualTo(new SectionAvailability("BALCONY", 24, 23, 0, 1));
        assertThat(rowAvailable("FLOOR", 1)).isEqualTo(8);
        assertThat(tables().dueHolds(EXPIRES_AT.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(stored(StoreNames.EXPIRIES)).isEmpty();
    }

    @Test
    void cancel_returns_sold_seats_to_sale() {
        aliceHolds();
        engine.accept(confirm("b-1", 17_500, "EUR"));

        engine.accept(cancel(ALICE, "b-1"));

        assertFreed(BookingStatus.CANCELLED);
    }

    @Test
    void freed_seats_can_be_held_again_by_someone_else() {
        aliceHolds();
        engine.accept(release(ALICE, "b-1"));

        engine.accept(holdSeats(BOB, "b-2", "FLOOR-1-1"));

        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.held("b-2"));
        assertThat(engine.availability("FLOOR")).isEqualTo(new SectionAvailability("FLOOR", 50, 49, 1, 0));
        assertThat(tables().dueHolds(EXPIRES_AT, 10)).containsExactly(new HoldRef(EVENT_ID, "b-2"));
    }

    @Test
    void row_one_and_row_ten_do_not_share_seats() {
        Engine tall = new Engine(BookingDecider.withContractLimits());
        tall.accept(createEvent(EVENT_ID, new Section("TALL", 100, 12, 3)));
        tall.accept(holdSeats(ALICE, "b-1", "TALL-10-3", "TALL-11-1"));

        assertThat(tall.tables().rowOccupancy(EVENT_ID, "TALL", 1)).isEqualTo(RowOccupancy.EMPTY);
        assertThat(tall.tables().rowOccupancy(EVENT_ID, "TALL", 10)).hasToString("RowOccupancy[3]");
    }

    @Test
    void events_keep_their_seats_and_counts_apart() {
        engine.accept(createEvent("ev-2", FLOOR));
        engine.accept(new HoldSeats("cmd-ev-2", BOB, "ev-2", "b-1", List.of("FLOOR-1-1")));

        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(engine.availability("FLOOR").available()).isEqualTo(50);
        assertThat(tables().seat("ev-2", new SeatId("FLOOR", 1, 1))).isEqualTo(SeatState.held("b-1"));
        assertThat(tables().sectionAvailability("ev-2", "FLOOR").orElseThrow().available()).isEqualTo(49);
        assertThat(engine.tables().booking(EVENT_ID, "b-1")).isEmpty();
    }

    @Test
    void replaying_the_log_into_empty_tables_gives_the_same_checksum() {
        aliceHolds();
        engine.accept(holdSeats(BOB, "b-2", "FLOOR-4-4"));
        engine.accept(confirm("b-1", 17_500, "EUR"));
        engine.accept(release(BOB, "b-2"));
        BookingTables replayed = BookingTables.inMemory();

        engine.log().forEach(event -> replayed.apply(BookingEvolver.evolve(replayed, event)));

        assertThat(StateChecksum.of(replayed.byName())).isEqualTo(engine.checksum());
    }

    private void assertFreed(BookingStatus status) {
        assertThat(engine.booking("b-1").status()).isEqualTo(status);
        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.AVAILABLE);
        assertThat(stored(StoreNames.SEATS)).isEmpty();
        assertThat(stored(StoreNames.ROWS)).isEmpty();
        assertThat(engine.availability("FLOOR")).isEqualTo(new SectionAvailability("FLOOR", 50, 50, 0, 0));
        assertThat(engine.availability("BALCONY")).isEqualTo(new SectionAvailability("BALCONY", 24, 24, 0, 0));
        assertThat(rowAvailable("FLOOR", 1)).isEqualTo(10);
        assertThat(tables().dueHolds(EXPIRES_AT.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(stored(StoreNames.EXPIRIES)).isEmpty();
        assertThat(new ArrayList<>(stored(StoreNames.BOOKINGS).keySet())).containsExactly(EVENT_ID + "/b-1");
    }
}
