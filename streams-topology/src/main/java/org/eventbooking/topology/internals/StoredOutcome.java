package org.eventbooking.topology.internals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the idempotency store remembers of a command: a fingerprint of the request and its reply
 * exactly as sent. Keeping the reply as its JSON bytes means it is serialised once, for both the
 * store and the replies topic, and a retry gets the very same bytes.
 *
 * <p>Stored as the fingerprint's bytes followed by the reply's JSON. A final class, not a record:
 * its components are arrays, which records would compare by identity.
 */
public final class StoredOutcome {

    static final int FINGERPRINT_BYTES = 16;

    private final byte[] fingerprint;
    private final byte[] reply;

    StoredOutcome(byte[] fingerprint, byte[] reply) {
        if (fingerprint.length != FINGERPRINT_BYTES) {
            throw new IllegalArgumentException("a fingerprint has " + FINGERPRINT_BYTES + " bytes, not " + fingerprint.length);
        }
        this.fingerprint = fingerprint;
        this.reply = reply;
    }

    /** Whether the request with this fingerprint is the one this outcome is for. */
    boolean isFor(byte[] requestFingerprint) {
        return Arrays.equals(fingerprint, requestFingerprint);
    }

    /** The reply's JSON, as sent to {@code booking-replies}. */
    byte[] reply() {
        return reply;
    }

    public static Serde<StoredOutcome> serde() {
        Serializer<StoredOutcome> serializer = (topic, outcome) -> outcome == null ? null : outcome.toBytes();
        Deserializer<StoredOutcome> deserializer = (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private byte[] toBytes() {
        return ByteBuffer.allocate(FINGERPRINT_BYTES + reply.length).put(fingerprint).put(reply).array();
    }

    private static StoredOutcome fromBytes(byte[] bytes) {
        if (bytes.length < FINGERPRINT_BYTES) {
            throw new SerializationException("a stored outcome has at least " + FINGERPRINT_BYTES + " bytes, not " + bytes.length);
        }
        return new StoredOutcome(Arrays.copyOf(bytes, FINGERPRINT_BYTES), Arrays.copyOfRange(bytes, FINGERPRINT_BYTES, bytes.length));
    }
}
