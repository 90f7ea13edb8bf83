package org.eventbooking.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.InMemoryTable;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;

/** Rebuild = replay: folds log events through {@code evolve} into tables, and sign-ups into accounts. */
public final class LogFold {

    private final BookingTables tables;
    private final Table<UserAccount> users = new InMemoryTable<>();
    private long events;

    public LogFold(BookingTables tables) {
        this.tables = tables;
    }

    public static LogFold inMemory() {
        return new LogFold(BookingTables.inMemory());
    }

    public void apply(LogEvent event) {
        if (event instanceof BookingEvent booking) {
            tables.apply(BookingEvolver.evolve(tables, booking));
        } else if (event instanceof UserRegistered registered) {
            // The sign-up decider stores exactly this account when it writes the event.
            users.put(registered.email(), UserAccount.from(registered));
        }
        events++;
    }

    public BookingTables tables() {
        return tables;
    }

    /**
     * Every store of {@link StoreNames#REBUILT_BY_REPLAY}, by name. Each user's bookings are the
     * latest version of every booking: the view receives every version, in order, per booking.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Table<?>> stores() {
        Map<String, Table<?>> stores = new LinkedHashMap<>(tables.byName());
        stores.put(StoreNames.USERS, users);
        Table<Booking> userBookings = new InMemoryTable<>();
        ((Table<Booking>) stores.get(StoreNames.BOOKINGS)).forEach((key, booking) ->
                userBookings.put(StoreKeys.userBooking(booking.userId(), booking.bookingId()), booking));
        stores.put(StoreNames.USER_BOOKINGS, userBookings);
        return stores;
    }

    public long eventsApplied() {
        return events;
    }
}
