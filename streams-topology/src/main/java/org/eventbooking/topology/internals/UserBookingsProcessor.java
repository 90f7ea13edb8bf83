package org.eventbooking.topology.internals;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.eventbooking.domain.Booking;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;

/** Keeps each user's bookings together, keyed {@code userId/bookingId}, from the by-user repartition. */
public final class UserBookingsProcessor implements Processor<String, Booking, Void, Void> {

    private KeyValueStore<String, Booking> userBookings;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.userBookings = context.getStateStore(StoreNames.USER_BOOKINGS);
    }

    @Override
    public void process(Record<String, Booking> record) {
        Booking booking = record.value();
        if (booking != null) {
            userBookings.put(StoreKeys.userBooking(booking.userId(), booking.bookingId()), booking);
        }
    }
}
