package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.SeatChange;

/** One row per seat of a change; the section is the seat id's first part ({@code <section>-<row>-<seat>}). */
final class SeatsTable extends TableWrite<SeatChange> {

    SeatsTable() {
        super(SeatChange.class, "seats", Sql.columns(List.of(text("event_id"), text("seat_id"),
                        new Column("section", "split_part(u.seat_id, '-', 1)", TableWrite.ArrayType.TEXT), text("status"), text("booking_id"),
                        timestamp("updated_at"))),
                2, "ON CONFLICT (event_id, seat_id) DO UPDATE SET status = EXCLUDED.status,"
                        + " booking_id = EXCLUDED.booking_id, updated_at = EXCLUDED.updated_at, "
                        + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    @Override
    void rows(SeatChange change, Consumer<Object[]> out) {
        for (String seat : change.seatIds()) {
            // The section column is derived in SQL; its slot in the array stays empty.
            out.accept(Sql.withSource(change.source(), change.eventId(), seat, null, change.status().name(),
                    change.bookingId(), Sql.micros(change.at())));
        }
    }
}
