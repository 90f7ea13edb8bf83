package org.eventbooking.ops.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eventbooking.gateway.command.CommandIds;
import org.eventbooking.ops.replay.KafkaOptions;
import org.eventbooking.ops.replay.OperatorCommand;
import org.eventbooking.ops.replay.OperatorException;
import org.eventbooking.topology.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./booking inspect booking <id> | event <id>}: the full history of one booking or event from the log. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the full history of a booking or an event, read from the log topics: one line per fact with"
                + " its time, log position, content and cause (the command's correlation id and trace, or the engine's timer).",
        subcommands = {InspectCommand.Booking.class, InspectCommand.Event.class})
public final class InspectCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "booking", mixinStandardHelpOptions = true,
            description = {"Every fact of one booking in booking-events, oldest first.",
                "Exit codes: 0 shown, 1 not in the log or Kafka unreachable, 2 bad usage."})
    static final class Booking extends OperatorCommand {

        @Mixin
        KafkaOptions kafka;

        @Parameters(paramLabel = "BOOKING_ID", description = "The booking id, as the API returns it.")
        String bookingId;

        @Override
        protected int execute() {
            reachable(kafka);
            // A booking id starts with its event id, whose partition holds the whole history.
            Optional<String> eventId = CommandIds.eventOfBooking(bookingId);
            LogRecords log = new LogRecords(kafka.bootstrap());
            List<ConsumerRecord<String, byte[]>> facts = log.read(Topics.BOOKING_EVENTS.name(), eventId.orElse(null),
                    record -> bookingId.equals(HistoryLine.field(record, "bookingId")));
            if (facts.isEmpty() && eventId.isPresent()) {
                facts = log.read(Topics.BOOKING_EVENTS.name(), null, record -> bookingId.equals(HistoryLine.field(record, "bookingId")));
            }
            if (facts.isEmpty()) {
                throw new OperatorException("no booking " + bookingId + " in the log at " + kafka.bootstrap()
                        + ": check the id (GET /api/me/bookings lists a user's bookings)");
            }
            out().println("booking " + bookingId + ": " + facts.size() + " facts");
            facts.forEach(record -> out().println(HistoryLine.of(record, null)));
            out().println("status now: " + statusAfter(facts.get(facts.size() - 1)));
            return OK;
        }
    }

    @Command(name = "event", mixinStandardHelpOptions = true,
            description = {"Every fact of one ticketed event (catalog and bookings), oldest first.",
                "Exit codes: 0 shown, 1 not in the log or Kafka unreachable, 2 bad usage."})
    static final class Event extends OperatorCommand {

        @Mixin
        KafkaOptions kafka;

        @Parameters(paramLabel = "EVENT_ID", description = "The event id, as the API returns it.")
        String eventId;

        @Override
        protected int execute() {
            reachable(kafka);
            LogRecords log = new LogRecords(kafka.bootstrap());
            List<ConsumerRecord<String, byte[]>> facts = new ArrayList<>();
            for (String topic : List.of(Topics.EVENT_STREAMS.name(), Topics.BOOKING_EVENTS.name())) {
                facts.addAll(log.read(topic, eventId, record -> eventId.equals(record.key())));
            }
            if (facts.isEmpty()) {
                throw new OperatorException("no event " + eventId + " in the log at " + kafka.bootstrap()
                        + ": check the id (GET /api/events lists them)");
            }
            // Stable: records of one topic keep their log order; the catalog's creation comes first.
            facts.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            out().println("event " + eventId + ": " + facts.size() + " facts");
            facts.forEach(record -> out().println(HistoryLine.of(record, null)));
            return OK;
        }
    }

    private static void reachable(KafkaOptions kafka) {
        try (Admin admin = kafka.reachableAdmin()) {
            KafkaOptions.await(admin.listTopics().names(), "list topics");
        }
    }

    /** The booking status a fact leaves behind, by the lifecycle of DESIGN §3. */
    private static String statusAfter(ConsumerRecord<String, byte[]> last) {
        return switch (HistoryLine.type(last)) {
            case "SeatsHeld", "PaymentFailed" -> "HELD";
            case "PaymentRequested" -> "PAYMENT_PENDING";
            case "BookingConfirmed", "PaymentSucceeded" -> "CONFIRMED";
            case "HoldReleased" -> "RELEASED";
            case "HoldExpired" -> "EXPIRED";
            case "BookingCancelled" -> "CANCELLED";
            default -> "see the last fact (" + HistoryLine.type(last) + ")";
        };
    }
}
