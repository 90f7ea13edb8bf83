package org.eventbooking.ops.replay;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.eventbooking.domain.Booking;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.Topic;
import org.eventbooking.topology.Topics;

/**
 * Where Kafka Streams keeps a store of the booking topology: its changelog topic, and in which
 * partition each entry belongs. A store's changelog has one partition per task, and a task owns the
 * entries of the keys its source partition carries: the event id for the booking stores, the email
 * for accounts, the user id for each user's bookings. Those keys are partitioned by the producers'
 * default partitioner (murmur2), so an entry's partition is that of its owning key.
 */
public final class ChangelogLayout {

    private final String applicationId;

    public ChangelogLayout(String applicationId) {
        this.applicationId = applicationId;
    }

    /** Kafka Streams' name of a store's changelog topic. */
    public String changelogTopic(String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** The input topic of the sub-topology that owns the store: the changelog has as many partitions. */
    public static Topic<String, ?> sourceTopic(String store) {
        return switch (store) {
            case StoreNames.USERS -> Topics.USER_COMMANDS;
            case StoreNames.USER_BOOKINGS -> Topics.BOOKINGS_BY_USER;
            default -> Topics.BOOKING_COMMANDS;
        };
    }

    /** The changelog partition of one store entry. */
    public static int partition(String store, String key, Object value, int partitions) {
        return partitionOf(ownerKey(store, key, value), partitions);
    }

    /** The partition the producers' default partitioner gives a record with this key. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String ownerKey(String store, String key, Object value) {
        return switch (store) {
            case StoreNames.EVENTS, StoreNames.USERS -> key;
            case StoreNames.EXPIRIES -> ((HoldRef) value).eventId();
            case StoreNames.USER_BOOKINGS -> ((Booking) value).userId();
            // seats, bookings, sections, rows: keys start with the event id (StoreKeys).
            default -> key.substring(0, key.indexOf('/'));
        };
    }
}
