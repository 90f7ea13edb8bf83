package org.eventbooking.gateway.auth;

/**
 * A bearer token was refused. The message is safe to return to the client; the cause, when
 * present, is for server logs only since it may say which check failed.
 */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
