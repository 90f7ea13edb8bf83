package org.eventbooking.ops.replay;

/**
 * An operation that cannot go on, with a message that says what is wrong and what to do: the
 * command prints it and exits with 1, without a stack trace.
 */
public final class OperatorException extends RuntimeException {

    public OperatorException(String message) {
        super(message);
    }

    public OperatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
