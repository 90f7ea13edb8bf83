package org.eventbooking.replay;

import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.state.BookingTables;

/** Rebuild = replay: folds log events through {@code evolve} into tables. */
public final class LogFold {

    private final BookingTables tables;
    private long events;

    public LogFold(BookingTables tables) {
        this.tables = tables;
    }

    public static LogFold inMemory() {
        return new LogFold(BookingTables.inMemory());
    }

    public void apply(BookingEvent event) {
        tables.apply(BookingEvolver.evolve(tables, event));
        events++;
    }

    public BookingTables tables() {
        return tables;
    }

    public long eventsApplied() {
        return events;
    }
}
