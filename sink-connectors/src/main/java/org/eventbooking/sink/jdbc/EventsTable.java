package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.integer;
import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.EventRow;

final class EventsTable extends TableWrite<EventRow> {

    EventsTable() {
        super(EventRow.class, "events", Sql.columns(List.of(text("event_id"), text("organizer_id"), text("title"),
                        text("venue"), timestamp("starts_at"), text("currency"), integer("hold_ttl_seconds"),
                        integer("max_seats_per_booking"), integer("capacity"), timestamp("created_at"))),
                1, "ON CONFLICT (event_id) DO UPDATE SET organizer_id = EXCLUDED.organizer_id, title = EXCLUDED.title,"
                        + " venue = EXCLUDED.venue, starts_at = EXCLUDED.starts_at, currency = EXCLUDED.currency,"
                        + " hold_ttl_seconds = EXCLUDED.hold_ttl_seconds,"
                        + " max_seats_per_booking = EXCLUDED.max_seats_per_booking, capacity = EXCLUDED.capacity,"
                        + " created_at = EXCLUDED.created_at, " + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    @Override
    void rows(EventRow e, Consumer<Object[]> out) {
        out.accept(Sql.withSource(e.source(), e.eventId(), e.organizerId(), e.title(), e.venue(), Sql.micros(e.startsAt()),
                e.currency(), e.holdTtlSeconds(), e.maxSeatsPerBooking(), e.capacity(),
                Sql.micros(e.createdAt())));
    }
}
