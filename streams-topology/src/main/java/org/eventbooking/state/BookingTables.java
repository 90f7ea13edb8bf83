package org.eventbooking.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.BookingState;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.RowOccupancy;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.SeatState;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.domain.StateDelta;

/**
 * The booking state of one writer over six tables, and the one place deltas are applied: the
 * live processor and the replay both use this class, so rebuild = replay holds by construction of
 * the code path and is checked by checksum.
 *
 * <p>Seats that are available are not stored; section counts, each row's occupancy bitmap and the
 * expiry index are derived from seat and booking changes here.
 */
public final class BookingTables implements BookingState {

    private final Table<EventInfo> events;
    private final Table<SeatState> seats;
    private final Table<Booking> bookings;
    private final Table<SectionAvailability> sections;
    private final Table<RowOccupancy> rows;
    private final Table<HoldRef> expiries;

    public BookingTables(Table<EventInfo> events, Table<SeatState> seats, Table<Booking> bookings,
                         Table<SectionAvailability> sections, Table<RowOccupancy> rows, Table<HoldRef> expiries) {
        this.events = events;
        this.seats = seats;
        this.bookings = bookings;
        this.sections = sections;
        this.rows = rows;
        this.expiries = expiries;
    }

    public static BookingTables inMemory() {
        return new BookingTables(new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(),
                new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>());
    }

    /** The tables by store name, for checksums and inspection. */
    public Map<String, Table<?>> byName() {
        Map<String, Table<?>> all = new LinkedHashMap<>();
        all.put(StoreNames.EVENTS, events);
        all.put(StoreNames.SEATS, seats);
        all.put(StoreNames.BOOKINGS, bookings);
        all.put(StoreNames.SECTIONS, sections);
        all.put(StoreNames.ROWS, rows);
        all.put(StoreNames.EXPIRIES, expiries);
        return all;
    }

    @Override
    public Optional<EventInfo> event(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public SeatState seat(String eventId, SeatId seat) {
        SeatState state = seats.get(StoreKeys.seat(eventId, seat));
        return state == null ? SeatState.AVAILABLE : state;
    }

    @Override
    public RowOccupancy rowOccupancy(String eventId, String section, int row) {
        RowOccupancy occupancy = rows.get(StoreKeys.row(eventId, section, row));
        return occupancy == null ? RowOccupancy.EMPTY : occupancy;
    }

    @Override
    public int availableInRow(String eventId, Section section, int row) {
        return section.seatsPerRow() - rowOccupancy(eventId, section.name(), row).taken();
    }

    @Override
    public Optional<SectionAvailability> sectionAvailability(String eventId, String section) {
        return Optional.ofNullable(sections.get(StoreKeys.section(eventId, section)));
    }

    @Override
    public Optional<Booking> booking(String eventId, String bookingId) {
        return Optional.ofNullable(bookings.get(StoreKeys.booking(eventId, bookingId)));
    }

    @Override
    public List<Booking> bookings(String eventId) {
        return bookings.withPrefix(StoreKeys.booking(eventId, "")).stream().map(Map.Entry::getValue).toList();
    }

    /** Up to {@code limit} holds whose expiry time is at or before {@code now}, oldest first. */
    public List<HoldRef> dueHolds(Instant now, int limit) {
        return expiries.range("", StoreKeys.expiryUpperBound(now), limit).stream().map(Map.Entry::getValue).toList();
    }

    public void apply(StateDelta delta) {
        delta.eventUpdate().ifPresent(this::putEvent);
        if (!delta.seats().isEmpty()) {
            putSeats(delta.eventId(), delta.seats());
        }
        delta.bookingUpdate().ifPresent(this::putBooking);
    }

    private void putEvent(EventInfo event) {
        boolean created = events.get(event.eventId()) == null;
        events.put(event.eventId(), event);
        if (!created) {
            return; // a later version (a cancellation) leaves the counts to the seat changes
        }
        for (Section section : event.sections()) {
            sections.put(StoreKeys.section(event.eventId(), section.name()), SectionAvailability.empty(section));
        }
    }

    private void putSeats(String eventId, Map<SeatId, SeatState> changes) {
        if (event(eventId).isEmpty()) {
            throw new IllegalStateException("seats changed in unknown event " + eventId);
        }
        Map<String, SectionAvailability> counts = new HashMap<>();
        Map<Row, RowOccupancy> changedRows = new HashMap<>();
        for (Map.Entry<SeatId, SeatState> change : changes.entrySet()) {
            SeatId seat = change.getKey();
            SeatStatus from = seat(eventId, seat).status();
            SeatStatus to = change.getValue().status();
            String seatKey = StoreKeys.seat(eventId, seat);
            if (to == SeatStatus.AVAILABLE) {
                seats.delete(seatKey);
            } else {
                seats.put(seatKey, change.getValue());
            }
            if (from != to) {
                counts.compute(seat.section(), (name, current) -> (current != null ? current
                        : sectionAvailability(eventId, name).orElseThrow()).moved(from, to));
                changedRows.compute(new Row(seat.section(), seat.row()), (row, current) ->
                        (current != null ? current : rowOccupancy(eventId, row.section(), row.number()))
                                .with(seat.number(), to != SeatStatus.AVAILABLE));
            }
        }
        // Each count and row is written once per change, not once per seat: a booking's seats mostly share a row.
        counts.forEach((name, availability) -> sections.put(StoreKeys.section(eventId, name), availability));
        changedRows.forEach((row, occupancy) -> putRow(StoreKeys.row(eventId, row.section(), row.number()), occupancy));
    }

    private record Row(String section, int number) {
    }

    private void putRow(String key, RowOccupancy occupancy) {
        if (occupancy.isEmpty()) {
            rows.delete(key);
        } else {
            rows.put(key, occupancy);
        }
    }

    private void putBooking(Booking booking) {
        String key = StoreKeys.booking(booking.eventId(), booking.bookingId());
        Booking previous = bookings.get(key);
        boolean wasHolding = previous != null && previous.status().isHolding();
        boolean isHolding = booking.status().isHolding();
        String expiryKey = StoreKeys.expiry(booking.expiresAt(), booking.eventId(), booking.bookingId());
        if (wasHolding && !isHolding) {
            expiries.delete(expiryKey);
        } else if (!wasHolding && isHolding) {
            expiries.put(expiryKey, new HoldRef(booking.eventId(), booking.bookingId()));
        }
        bookings.put(key, booking);
    }
}
