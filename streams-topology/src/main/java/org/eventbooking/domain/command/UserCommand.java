package org.eventbooking.domain.command;

/**
 * A request about a user account. Keyed by the normalised email, so one writer decides whether
 * an email is taken. {@link #commandId()} is the idempotency key, as for booking commands.
 */
public sealed interface UserCommand permits RegisterUser {

    String commandId();

    String email();

    default int schemaVersion() {
        return 1;
    }
}
