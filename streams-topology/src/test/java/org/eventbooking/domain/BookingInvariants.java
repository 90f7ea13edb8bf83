package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;

/**
 * The invariants of DESIGN §3 checked over a whole {@link BookingTables}, recounting every derived
 * table from the seat and booking tables: reusable by any test that builds state.
 */
public final class BookingInvariants {

    private static final Instant END_OF_TIME = Instant.parse("2200-01-01T00:00:00Z");

    private BookingInvariants() {
    }

    public static void check(BookingTables tables, Instant now) {
        Map<String, Booking> live = liveBookings(tables);
        Map<String, String> seatOwners = seatsOfLiveBookings(tables, live);
        storedSeatsBelongToLiveBookings(tables, seatOwners);
        for (EventInfo event : events(tables)) {
            for (Section section : event.sections()) {
                countsMatchTheSeats(tables, event, section);
            }
        }
        onlyPartlyTakenRowsAreStored(tables);
        expiryIndexMatchesTheHolds(tables, live, now);
    }

    private static Map<String, Booking> liveBookings(BookingTables tables) {
        Map<String, Booking> live = new HashMap<>();
        forEach(tables, StoreNames.BOOKINGS, Booking.class, (key, booking) -> {
            assertThat(key).isEqualTo(StoreKeys.booking(booking.eventId(), booking.bookingId()));
            EventInfo event = tables.event(booking.eventId()).orElseThrow();
            long total = booking.seats().stream()
                    .mapToLong(seat -> event.section(SeatId.parse(seat).orElseThrow().section()).orElseThrow().priceCents()).sum();
            assertThat(booking.totalCents()).as("total of %s", booking).isEqualTo(total);
            if (booking.status().isHolding() || booking.status() == BookingStatus.CONFIRMED) {
                live.put(key, booking);
            }
        });
        return live;
    }

    /** Every seat of a live booking points back at it; no seat is in two live bookings. */
    private static Map<String, String> seatsOfLiveBookings(BookingTables tables, Map<String, Booking> live) {
        Map<String, String> owners = new HashMap<>();
        for (Booking booking : live.values()) {
            SeatStatus expected = booking.status() == BookingStatus.CONFIRMED ? SeatStatus.SOLD : SeatStatus.HELD;
            for (String text : booking.seats()) {
                SeatId seat = SeatId.parse(text).orElseThrow();
                String key = StoreKeys.seat(booking.eventId(), seat);
                String other = owners.put(key, booking.bookingId());
                assertThat(other).as("seat %s is in live bookings %s and %s", key, other, booking.bookingId()).isNull();
                assertThat(tables.seat(booking.eventId(), seat)).as("seat %s of %s", key, booking)
                        .isEqualTo(new SeatState(expected, booking.bookingId()));
            }
        }
        return owners;
    }

    /** Only taken seats are stored, and each belongs to a live booking. */
    private static void storedSeatsBelongToLiveBookings(BookingTables tables, Map<String, String> owners) {
        forEach(tables, StoreNames.SEATS, SeatState.class, (key, seat) -> {
            assertThat(seat.isAvailable()).as("available seat %s is stored", key).isFalse();
            assertThat(owners.get(key)).as("stored seat %s", key).isEqualTo(seat.bookingId());
        });
    }

    private static void countsMatchTheSeats(BookingTables tables, EventInfo event, Section section) {
        int held = 0;
        int sold = 0;
        for (int row = 1; row <= section.rows(); row++) {
            int takenInRow = 0;
            RowOccupancy occupancy = tables.rowOccupancy(event.eventId(), section.name(), row);
            for (int number = 1; number <= section.seatsPerRow(); number++) {
                SeatStatus status = tables.seat(event.eventId(), new SeatId(section.name(), row, number)).status();
                held += status == SeatStatus.HELD ? 1 : 0;
                sold += status == SeatStatus.SOLD ? 1 : 0;
                takenInRow += status == SeatStatus.AVAILABLE ? 0 : 1;
                assertThat(occupancy.isTaken(number)).as("seat %s-%d-%d of %s in the row bitmap", section.name(), row, number, event.eventId())
                        .isEqualTo(status != SeatStatus.AVAILABLE);
            }
            String where = event.eventId() + "/" + SeatId.rowPrefix(section.name(), row);
            assertThat(tables.availableInRow(event.eventId(), section, row)).as("available in row %s", where)
                    .isEqualTo(section.seatsPerRow() - takenInRow);
            assertThat(occupancy.taken()).as("taken in row %s", where).isEqualTo(takenInRow);
        }
        int total = section.capacity();
        assertThat(tables.sectionAvailability(event.eventId(), section.name())).as("counts of %s/%s", event.eventId(), section.name())
                .contains(new SectionAvailability(section.name(), total, total - held - sold, held, sold));
    }

    /**
     * A row with every seat available has no entry in the row table, and every entry is a row of a
     * known section (seats beyond the row's end would show in the per-row counts above).
     */
    private static void onlyPartlyTakenRowsAreStored(BookingTables tables) {
        forEach(tables, StoreNames.ROWS, RowOccupancy.class, (key, occupancy) -> {
            String eventId = key.substring(0, key.lastIndexOf('/'));
            SeatId firstSeat = SeatId.parse(key.substring(key.lastIndexOf('/') + 1) + "1").orElseThrow();
            assertThat(tables.event(eventId).flatMap(e -> e.section(firstSeat.section()))).as("section of row entry %s", key).isPresent();
            assertThat(occupancy.isEmpty()).as("row entry %s", key).isFalse();
        });
    }

    /** The expiry index holds exactly the holding bookings, each due from its expiresAt on. */
    private static void expiryIndexMatchesTheHolds(BookingTables tables, Map<String, Booking> live, Instant now) {
        Set<HoldRef> holding = new HashSet<>();
        Set<HoldRef> due = new HashSet<>();
        for (Booking booking : live.values()) {
            if (booking.status().isHolding()) {
                HoldRef ref = new HoldRef(booking.eventId(), booking.bookingId());
                holding.add(ref);
                if (!now.isBefore(booking.expiresAt())) {
                    due.add(ref);
                }
            }
        }
        assertThat(new HashSet<>(tables.dueHolds(END_OF_TIME, Integer.MAX_VALUE))).as("expiry index").isEqualTo(holding);
        assertThat(new HashSet<>(tables.dueHolds(now, Integer.MAX_VALUE))).as("holds due at %s", now).isEqualTo(due);
    }

    private static List<EventInfo> events(BookingTables tables) {
        List<EventInfo> events = new ArrayList<>();
        forEach(tables, StoreNames.EVENTS, EventInfo.class, (key, event) -> events.add(event));
        return events;
    }

    private interface EntryCheck<V> {
        void accept(String key, V value);
    }

    private static <V> void forEach(BookingTables tables, String table, Class<V> type, EntryCheck<V> check) {
        tables.byName().get(table).forEach((key, value) -> check.accept(key, type.cast(value)));
    }
}
