package org.eventbooking.domain.command;

/** Sign a person up. The gateway has validated the input and hashed the password. */
public record RegisterUser(String commandId, String userId, String email, String name, String role, String passwordHash)
        implements UserCommand {
}
