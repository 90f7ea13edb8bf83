package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.typed;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.EventRow;

final class EventsTable extends TableWrite<EventRow> {

    EventsTable() {
        super(EventRow.class, "events", Sql.columns(List.of(text("event_id"), text("organizer_id"), text("title"),
                        text("venue"), typed("starts_at", "timestamptz"), text("currency"), typed("hold_ttl_seconds", "int"),
                        typed("max_seats_per_booking", "int"), typed("capacity", "int"), typed("created_at", "timestamptz"))),
                1, "ON CONFLICT (event_id) DO UPDATE SET organizer_id = EXCLUDED.organizer_id, title = EXCLUDED.title,"
                        + " venue = EXCLUDED.venue, starts_at = EXCLUDED.starts_at, currency = EXCLUDED.currency,"
                        + " hold_ttl_seconds = EXCLUDED.hold_ttl_seconds,"
                        + " max_seats_per_booking = EXCLUDED.max_seats_per_booking, capacity = EXCLUDED.capacity,"
                        + " created_at = EXCLUDED.created_at, " + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    @Override
    void rows(EventRow e, Consumer<String[]> out) {
        out.accept(Sql.withSource(e.source(), e.eventId(), e.organizerId(), e.title(), e.venue(), Sql.text(e.startsAt()),
                e.currency(), Sql.text(e.holdTtlSeconds()), Sql.text(e.maxSeatsPerBooking()), Sql.text(e.capacity()),
                Sql.text(e.createdAt())));
    }
}
