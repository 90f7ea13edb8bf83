package org.eventbooking.topology.internals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.eventbooking.domain.BookingDecider;
import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.Decision;
import org.eventbooking.domain.StateDelta;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.ExistingBookingCommand;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.serde.Json;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.CommandReply;
import org.eventbooking.topology.DecisionObserver;
import org.eventbooking.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of an event's bookings: reads a command, decides, evolves the stores, and
 * appends the events and the reply, all in the task's exactly-once transaction. Duplicate
 * command ids get the stored reply; unreadable or unprocessable commands go to the dead-letter
 * topic. Each new booking version also goes, keyed by user, to the users' view. A wall-clock punctuator expires due holds, as {@code HoldExpired} events in the log.
 */
public final class BookingCommandProcessor implements Processor<String, byte[], String, Object> {

    public static final String BOOKING_EVENTS_SINK = "booking-events-sink";
    public static final String CATALOG_SINK = "event-streams-sink";
    public static final String PAYMENTS_SINK = "payment-events-sink";
    private static final List<String> CATALOG = List.of(CATALOG_SINK);
    private static final List<String> BOOKINGS = List.of(BOOKING_EVENTS_SINK);
    private static final List<String> BOOKINGS_AND_PAYMENTS = List.of(BOOKING_EVENTS_SINK, PAYMENTS_SINK);
    private static final List<String> BOOKINGS_AND_CATALOG = List.of(BOOKING_EVENTS_SINK, CATALOG_SINK);
    public static final String REPLIES_SINK = "booking-replies-sink";
    public static final String DEAD_LETTERS_SINK = "dead-letters-sink";
    public static final String USER_BOOKINGS_SINK = "bookings-by-user-sink";

    private static final Logger LOG = LoggerFactory.getLogger(BookingCommandProcessor.class);
    // Catalog entries, section counts and row bitmaps: few keys, read by every command, memoised for good.
    private static final int LASTING_MEMO_ENTRIES = 10_000;
    // Seats and bookings: a key is read again within its own command only, so the memo spans a
    // few commands and its entries die young.
    private static final int COMMAND_MEMO_ENTRIES = 256;

    private final TopologySettings settings;
    private final BookingDecider decider;
    private final DecisionObserver decisions;
    private ProcessorContext<String, Object> context;
    private BookingTables tables;
    private CommandOutcomes outcomes;

    public BookingCommandProcessor(TopologySettings settings, DecisionObserver decisions) {
        this.settings = settings;
        this.decider = new BookingDecider(settings.maxSeatsPerEvent());
        this.decisions = decisions;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.tables = new BookingTables(memo(StoreNames.EVENTS, LASTING_MEMO_ENTRIES), memo(StoreNames.SEATS, COMMAND_MEMO_ENTRIES),
                memo(StoreNames.BOOKINGS, COMMAND_MEMO_ENTRIES), memo(StoreNames.SECTIONS, LASTING_MEMO_ENTRIES),
                memo(StoreNames.ROWS, LASTING_MEMO_ENTRIES), table(StoreNames.EXPIRIES));
        this.outcomes = new CommandOutcomes(context.getStateStore(StoreNames.IDEMPOTENCY), settings.idempotencyWindow());
        context.schedule(settings.expiryScanInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireDueHolds);
    }

    private <V> Table<V> table(String storeName) {
        KeyValueStore<String, V> store = context.getStateStore(storeName);
        return KafkaTable.of(store);
    }

    private <V> Table<V> memo(String storeName, int maxEntries) {
        return new MemoTable<>(table(storeName), maxEntries);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        BookingCommand command;
        byte[] fingerprint;
        Decision decision;
        List<StateDelta> deltas;
        try {
            command = Json.read(record.value(), BookingCommand.class);
            fingerprint = outcomes.fingerprint(command);
            Optional<byte[]> repeated = outcomes.replyToRepeat(command, fingerprint, record.timestamp());
            if (repeated.isPresent()) {
                reply(record, command.commandId(), repeated.get());
                return;
            }
            decision = decider.decide(tables, command, now);
            decisions.decided(command, decision);
            deltas = evolve(decision);
        } catch (RuntimeException e) {
            RecordForwarding.deadLetter(context, record, e, DEAD_LETTERS_SINK);
            return;
        }
        // From here on the stores change: a failure must fail the task so the transaction aborts.
        byte[] reply = Json.write(execute(command, decision, deltas, record.headers(), now));
        outcomes.remember(command.commandId(), fingerprint, reply, record.timestamp());
        reply(record, command.commandId(), reply);
    }

    /** The deltas of the decided events, each seeing the bookings the earlier ones changed. */
    private List<StateDelta> evolve(Decision decision) {
        return decision instanceof Decision.Accepted accepted ? BookingEvolver.evolveAll(tables, accepted.events()) : List.of();
    }

    private CommandReply execute(BookingCommand command, Decision decision, List<StateDelta> deltas, Headers headers, Instant now) {
        if (decision instanceof Decision.Rejected rejected) {
            return CommandReply.rejected(command.commandId(), rejected.rejection());
        }
        List<BookingEvent> events = ((Decision.Accepted) decision).events();
        apply(deltas, now.toEpochMilli());
        append(events, headers, now);
        String bookingId = command instanceof ExistingBookingCommand existing ? existing.bookingId() : bookingIdOf(events);
        return CommandReply.accepted(command.commandId(), events,
                bookingId == null ? null : tables.booking(command.eventId(), bookingId).orElse(null));
    }

    private static String bookingIdOf(List<BookingEvent> events) {
        return events.stream()
                .filter(SeatsHeld.class::isInstance)
                .map(e -> ((SeatsHeld) e).bookingId())
                .findFirst().orElse(null);
    }

    private void append(List<BookingEvent> events, Headers headers, Instant now) {
        for (BookingEvent event : events) {
            for (String sink : sinksOf(event)) {
                context.forward(new Record<String, Object>(event.eventId(), event, now.toEpochMilli(), RecordForwarding.copy(headers)), sink);
            }
        }
    }

    /**
     * Catalog facts go to {@code event-streams}, booking facts to {@code booking-events}. Money facts
     * go to {@code payment-events}, the payment log, and also to {@code booking-events}: they change
     * bookings, and a replay needs every booking fact of an event in one ordered log (two topics
     * have no order between them, even when written in one transaction).
     */
    private static List<String> sinksOf(BookingEvent event) {
        if (event instanceof EventCreated) {
            return CATALOG;
        }
        if (event instanceof EventCancelled) {
            // The catalog's readers need it; the booking log orders it after the releases it follows.
            return BOOKINGS_AND_CATALOG;
        }
        return event instanceof PaymentRequested || event instanceof PaymentSucceeded || event instanceof PaymentFailed
                || event instanceof RefundRequested || event instanceof RefundSucceeded ? BOOKINGS_AND_PAYMENTS : BOOKINGS;
    }

    private void reply(Record<String, byte[]> command, String commandId, byte[] reply) {
        RecordForwarding.reply(context, command, commandId, reply, REPLIES_SINK);
    }

    private void expireDueHolds(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (HoldRef hold : tables.dueHolds(now, settings.expiryBatchLimit())) {
            ExpireHold expire = new ExpireHold("expire-" + hold.bookingId(), BookingCommand.SYSTEM_USER, hold.eventId(), hold.bookingId());
            Decision decision = decider.decide(tables, expire, now);
            decisions.decided(expire, decision);
            if (decision instanceof Decision.Accepted accepted) {
                apply(evolve(decision), wallClockMs);
                append(accepted.events(), new RecordHeaders(), now);
            } else {
                // Cannot happen while the index only lists holding bookings; say so loudly if it does.
                LOG.error("due hold {} of event {} could not expire: {}", hold.bookingId(), hold.eventId(),
                        ((Decision.Rejected) decision).rejection());
            }
        }
    }

    /** Applies the deltas and publishes each new booking version to its user's view. */
    private void apply(List<StateDelta> deltas, long nowMs) {
        for (StateDelta delta : deltas) {
            tables.apply(delta);
            delta.bookingUpdate().ifPresent(booking ->
                    context.forward(new Record<String, Object>(booking.userId(), booking, nowMs), USER_BOOKINGS_SINK));
        }
    }
}
