package org.eventbooking.domain;

import java.util.List;
import java.util.Optional;

/**
 * What {@code decide} and {@code evolve} may read: the state of the events owned by one writer.
 * Backed by RocksDB stores in the topology and by sorted maps in tests and replays.
 */
public interface BookingState {

    Optional<EventInfo> event(String eventId);

    /** The seat's state; {@link SeatState#AVAILABLE} for a seat nobody holds. */
    SeatState seat(String eventId, SeatId seat);

    /** Which seats of one row are not available; {@link RowOccupancy#EMPTY} for a row nobody holds a seat in. */
    RowOccupancy rowOccupancy(String eventId, String section, int row);

    /** How many seats of a row are available. */
    int availableInRow(String eventId, Section section, int row);

    Optional<SectionAvailability> sectionAvailability(String eventId, String section);

    Optional<Booking> booking(String eventId, String bookingId);

    /** Every booking of the event, whatever its status. */
    List<Booking> bookings(String eventId);
}
