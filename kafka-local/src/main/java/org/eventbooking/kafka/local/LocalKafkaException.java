package org.eventbooking.kafka.local;

/** A local broker could not be prepared, started or reached; the message says what to look at. */
public class LocalKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalKafkaException(String message) {
        super(message);
    }

    public LocalKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
