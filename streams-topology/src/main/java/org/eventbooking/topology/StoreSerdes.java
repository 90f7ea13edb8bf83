package org.eventbooking.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.serde.JsonSerde;
import org.eventbooking.serde.RowOccupancySerde;
import org.eventbooking.serde.SeatStateSerde;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StoreNames;

/**
 * The value serde of every key-value store (keys are strings), in one place: the topology builds
 * its stores with them, and a replay writes and reads the stores' changelogs with the same bytes.
 */
public final class StoreSerdes {

    private static final Map<String, Serde<?>> VALUES = Map.of(
            StoreNames.EVENTS, JsonSerde.of(EventInfo.class),
            StoreNames.SEATS, SeatStateSerde.serde(),
            StoreNames.BOOKINGS, JsonSerde.of(Booking.class),
            StoreNames.SECTIONS, JsonSerde.of(SectionAvailability.class),
            StoreNames.ROWS, RowOccupancySerde.serde(),
            StoreNames.EXPIRIES, JsonSerde.of(HoldRef.class),
            StoreNames.USERS, JsonSerde.of(UserAccount.class),
            StoreNames.USER_BOOKINGS, JsonSerde.of(Booking.class));

    private StoreSerdes() {
    }

    /** The serde of the values of key-value store {@code storeName}. */
    @SuppressWarnings("unchecked")
    public static <V> Serde<V> values(String storeName) {
        Serde<?> serde = VALUES.get(storeName);
        if (serde == null) {
            throw new IllegalArgumentException("no key-value store named " + storeName);
        }
        return (Serde<V>) serde;
    }
}
