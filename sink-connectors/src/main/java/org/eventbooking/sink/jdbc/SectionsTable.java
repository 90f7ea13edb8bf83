package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.bigint;
import static org.eventbooking.sink.jdbc.TableWrite.Column.integer;
import static org.eventbooking.sink.jdbc.TableWrite.Column.text;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.SectionRow;

final class SectionsTable extends TableWrite<SectionRow> {

    SectionsTable() {
        super(SectionRow.class, "event_sections", Sql.columns(List.of(text("event_id"), text("section"),
                        bigint("price_cents"), integer("row_count"), integer("seats_per_row"),
                        integer("capacity"))),
                2, "ON CONFLICT (event_id, section) DO UPDATE SET price_cents = EXCLUDED.price_cents,"
                        + " row_count = EXCLUDED.row_count, seats_per_row = EXCLUDED.seats_per_row,"
                        + " capacity = EXCLUDED.capacity, " + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    @Override
    void rows(SectionRow s, Consumer<Object[]> out) {
        out.accept(Sql.withSource(s.source(), s.eventId(), s.section(), s.priceCents(), s.rows(),
                s.seatsPerRow(), s.capacity()));
    }
}
