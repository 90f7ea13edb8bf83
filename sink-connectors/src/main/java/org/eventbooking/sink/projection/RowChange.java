package org.eventbooking.sink.projection;

/** One write to a reporting table, derived from one fact of the log. */
public sealed interface RowChange
        permits EventRow, SectionRow, UserRow, SeatChange, BookingChange, PaymentChange, HistoryRow {

    SourcePosition source();
}
