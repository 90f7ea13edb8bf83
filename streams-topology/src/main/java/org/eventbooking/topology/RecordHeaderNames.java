package org.eventbooking.topology;

/** Kafka record headers the platform reads and writes. */
public final class RecordHeaderNames {

    /** Names the request a command answers; the reply is keyed by it. */
    public static final String CORRELATION_ID = "correlation-id";
    /**
     * The partition of {@code booking-replies} the sending node reads: its reply address. Without
     * it the reply goes where its key hashes to.
     */
    public static final String REPLY_PARTITION = "reply-partition";
    /** W3C trace context, carried from the HTTP request through every record it causes. */
    public static final String TRACEPARENT = "traceparent";

    public static final String DLQ_REASON = "dlq.reason";
    public static final String DLQ_EXCEPTION = "dlq.exception";
    public static final String DLQ_TOPIC = "dlq.source.topic";
    public static final String DLQ_PARTITION = "dlq.source.partition";
    public static final String DLQ_OFFSET = "dlq.source.offset";

    private RecordHeaderNames() {
    }
}
