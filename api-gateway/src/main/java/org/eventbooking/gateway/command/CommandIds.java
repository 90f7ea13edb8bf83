package org.eventbooking.gateway.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids the gateway gives commands and bookings. With an {@code Idempotency-Key} they derive from
 * (user, event, key), so a retry is the very same command and the engine answers it with the
 * original outcome; a key is scoped to its user and event. A booking id starts with its event id,
 * so any node can route a booking lookup to the owner of the event.
 */
public final class CommandIds {

    public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final char BOOKING_SEPARATOR = '.';
    private static final int DIGEST_CHARS = 32;

    private CommandIds() {
    }

    public record HoldIds(String commandId, String bookingId) {
    }

    public static HoldIds forHold(String userId, String eventId, Optional<String> idempotencyKey) {
        String token = idempotencyKey.map(key -> digest("hold", userId, eventId, key)).orElseGet(CommandIds::random);
        return new HoldIds("hold-" + token, eventId + BOOKING_SEPARATOR + token);
    }

    /** The event id a booking id starts with, if it is one of ours. */
    public static Optional<String> eventOfBooking(String bookingId) {
        int separator = bookingId.lastIndexOf(BOOKING_SEPARATOR);
        return separator > 0 && separator < bookingId.length() - 1
                ? Optional.of(bookingId.substring(0, separator))
                : Optional.empty();
    }

    /** A UUID-shaped id that is the same for the same parts: an idempotent create's id. */
    public static String derivedUuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\0", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    public static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
