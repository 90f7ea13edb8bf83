package org.eventbooking.sink.projection;

/** A record that no table can take (unreadable, unknown type, a required field missing): a dead letter. */
public final class UnprojectableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnprojectableRecordException(String reason) {
        super(reason);
    }

    public UnprojectableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
