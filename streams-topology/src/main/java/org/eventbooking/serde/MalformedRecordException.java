package org.eventbooking.serde;

/** A record that cannot be read: it belongs in the dead-letter topic, not in a crash. */
public final class MalformedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
