package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.typed;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.HistoryRow;

/** History is insert-only: a fact is its log position, so a second delivery finds it there and does nothing. */
final class HistoryTable extends TableWrite<HistoryRow> {

    HistoryTable() {
        super(HistoryRow.class, "booking_events", Sql.columns(List.of(text("event_id"), text("booking_id"), text("type"),
                        typed("occurred_at", "timestamptz"), text("user_id"), text("payment_id"), Sql.list("seats"),
                        typed("amount_cents", "bigint"), typed("detail", "jsonb"))),
                0, "ON CONFLICT DO NOTHING");
    }

    @Override
    void rows(HistoryRow h, Consumer<String[]> out) {
        out.accept(Sql.withSource(h.source(), h.eventId(), h.bookingId(), h.type(), Sql.text(h.occurredAt()), h.userId(),
                h.paymentId(), Sql.text(h.seats()), Sql.text(h.amountCents()), h.detailJson()));
    }
}
