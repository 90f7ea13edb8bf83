package org.eventbooking.sink.projection;

/** A row of {@code event_sections}: what one section of an event offers. */
public record SectionRow(String eventId, String section, long priceCents, int rows, int seatsPerRow,
                         SourcePosition source) implements RowChange {

    public int capacity() {
        return rows * seatsPerRow;
    }
}
