package org.eventbooking.domain.user;

import java.time.Instant;
import org.eventbooking.domain.event.UserRegistered;

/** A registered user as the login needs it: who, which role, and the password hash to check. */
public record UserAccount(String userId, String email, String name, String role, String passwordHash, Instant registeredAt) {

    public static UserAccount from(UserRegistered event) {
        return new UserAccount(event.userId(), event.email(), event.name(), event.role(), event.passwordHash(), event.occurredAt());
    }
}
