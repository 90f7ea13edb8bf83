package org.eventbooking.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.UserCommand;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.serde.JsonSerde;

/**
 * Every topic of the platform, in one immutable registry. The log topics are the source of truth:
 * infinite retention, never compacted. Commands, replies and dead letters are transient.
 */
public final class Topics {

    private static final Map<String, String> LOG = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    /** Commands keyed by event id: one writer decides every seat of an event. */
    public static final Topic<String, BookingCommand> BOOKING_COMMANDS = new Topic<>("booking-commands",
            Serdes.String(), JsonSerde.of(BookingCommand.class), retention(Duration.ofDays(7)));

    /** User commands keyed by the normalised email: one writer decides whether an email is taken. */
    public static final Topic<String, UserCommand> USER_COMMANDS = new Topic<>("user-commands",
            Serdes.String(), JsonSerde.of(UserCommand.class), retention(Duration.ofDays(7)));

    /** Committed outcomes keyed by the command's correlation id. */
    public static final Topic<String, CommandReply> BOOKING_REPLIES = new Topic<>("booking-replies",
            Serdes.String(), JsonSerde.of(CommandReply.class), retention(Duration.ofDays(1)));

    /** The booking log, keyed by event id. */
    public static final Topic<String, BookingEvent> BOOKING_EVENTS = new Topic<>("booking-events",
            Serdes.String(), JsonSerde.of(BookingEvent.class), LOG);

    /** The catalog and user lifecycle log: catalog entries keyed by event id, users by email. */
    public static final Topic<String, LogEvent> EVENT_STREAMS = new Topic<>("event-streams",
            Serdes.String(), JsonSerde.of(LogEvent.class), LOG);

    /**
     * Every new version of a booking, keyed by its user: the repartition that gives each user's
     * bookings one owner. Derived and transient; the view it feeds keeps its own changelog.
     */
    public static final Topic<String, Booking> BOOKINGS_BY_USER = new Topic<>("bookings-by-user",
            Serdes.String(), JsonSerde.of(Booking.class), retention(Duration.ofDays(1)));

    /**
     * The payment log, keyed by event id: payment and refund facts, decided by the same writer as
     * the event's bookings, so a payment never races a hold's expiry or cancellation.
     */
    public static final Topic<String, BookingEvent> PAYMENT_EVENTS = new Topic<>("payment-events",
            Serdes.String(), JsonSerde.of(BookingEvent.class), LOG);

    /** Records that could not be read or processed, as they were, with the reason in headers. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>("dead-letters",
            Serdes.ByteArray(), Serdes.ByteArray(), retention(Duration.ofDays(30)));

    public static final List<Topic<?, ?>> ALL = List.of(
            BOOKING_COMMANDS, USER_COMMANDS, BOOKING_REPLIES, BOOKING_EVENTS, EVENT_STREAMS, BOOKINGS_BY_USER,
            PAYMENT_EVENTS, DEAD_LETTERS);

    private Topics() {
    }

    private static Map<String, String> retention(Duration retention) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }
}
