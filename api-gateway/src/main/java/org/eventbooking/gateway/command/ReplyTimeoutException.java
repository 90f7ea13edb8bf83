package org.eventbooking.gateway.command;

/** No committed reply came within the configured time; the command may still be applied. */
public final class ReplyTimeoutException extends RuntimeException {

    public ReplyTimeoutException(String message) {
        super(message, null, false, false);
    }
}
