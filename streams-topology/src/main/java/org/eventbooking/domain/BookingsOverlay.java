package org.eventbooking.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A state seen through bookings changed by earlier events of the same decision (see {@code evolveAll}). */
final class BookingsOverlay implements BookingState {

    private final BookingState base;
    private final Map<String, Booking> changed;

    BookingsOverlay(BookingState base, Map<String, Booking> changed) {
        this.base = base;
        this.changed = changed;
    }

    @Override
    public Optional<EventInfo> event(String eventId) {
        return base.event(eventId);
    }

    @Override
    public SeatState seat(String eventId, SeatId seat) {
        return base.seat(eventId, seat);
    }

    @Override
    public RowOccupancy rowOccupancy(String eventId, String section, int row) {
        return base.rowOccupancy(eventId, section, row);
    }

    @Override
    public int availableInRow(String eventId, Section section, int row) {
        return base.availableInRow(eventId, section, row);
    }

    @Override
    public Optional<SectionAvailability> sectionAvailability(String eventId, String section) {
        return base.sectionAvailability(eventId, section);
    }

    @Override
    public List<Booking> bookings(String eventId) {
        return base.bookings(eventId);
    }

    @Override
    public Optional<Booking> booking(String eventId, String bookingId) {
        Booking booking = changed.get(bookingId);
        return booking != null && booking.eventId().equals(eventId) ? Optional.of(booking) : base.booking(eventId, bookingId);
    }
}
