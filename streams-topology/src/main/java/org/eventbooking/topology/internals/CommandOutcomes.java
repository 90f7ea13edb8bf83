package org.eventbooking.topology.internals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.eventbooking.domain.Rejection;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.serde.Json;
import org.eventbooking.state.Sha256;
import org.eventbooking.topology.CommandReply;

/**
 * The idempotency window: for every command id seen within it, which request it was and the
 * reply it got. A retry (same id, same request) gets the original reply; the same id with
 * another request is rejected. Used by one stream thread only.
 */
final class CommandOutcomes {

    private static final Duration CLOCK_SKEW_SLACK = Duration.ofHours(1);

    private final WindowStore<String, StoredOutcome> store;
    private final Duration window;
    private final MessageDigest sha256 = Sha256.newDigest();

    CommandOutcomes(WindowStore<String, StoredOutcome> store, Duration window) {
        this.store = store;
        this.window = window;
    }

    /** Identifies the request behind a command id; records' toString covers every component. */
    byte[] fingerprint(BookingCommand command) {
        byte[] digest = sha256.digest(command.toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest, StoredOutcome.FINGERPRINT_BYTES);
    }

    /** The reply for a command id seen before, as JSON; empty for a new command. */
    Optional<byte[]> replyToRepeat(BookingCommand command, byte[] fingerprint, long commandTimestamp) {
        StoredOutcome previous = latest(command.commandId(), commandTimestamp);
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(previous.isFor(fingerprint) ? previous.reply() : Json.write(keyReused(command)));
    }

    void remember(String commandId, byte[] fingerprint, byte[] reply, long commandTimestamp) {
        store.put(commandId, new StoredOutcome(fingerprint, reply), commandTimestamp);
    }

    private StoredOutcome latest(String commandId, long commandTimestamp) {
        // A retry is produced after the original, within the idempotency window; the slack covers
        // clocks of different gateway nodes. A bounded range keeps the lookup to a few segments.
        // The millisecond overload: the Instant one formats an error message on every call.
        long from = commandTimestamp - window.toMillis();
        long to = commandTimestamp + CLOCK_SKEW_SLACK.toMillis();
        StoredOutcome latest = null;
        try (WindowStoreIterator<StoredOutcome> found = store.fetch(commandId, from, to)) {
            while (found.hasNext()) {
                latest = found.next().value;
            }
        }
        return latest;
    }

    private static CommandReply keyReused(BookingCommand command) {
        return CommandReply.rejected(command.commandId(), Rejection.of(RejectionReason.IDEMPOTENCY_KEY_REUSED,
                "command id " + command.commandId() + " was already used for a different request"));
    }
}
