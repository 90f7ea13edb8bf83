package org.eventbooking.replay;

import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
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

    /** Folds booking facts; user facts are not part of the booking state and are only counted. */
    public void apply(LogEvent event) {
        if (event instanceof BookingEvent booking) {
            tables.apply(BookingEvolver.evolve(tables, booking));
        }
        events++;
    }

    public BookingTables tables() {
        return tables;
    }

    public long eventsApplied() {
        return events;
    }
}
