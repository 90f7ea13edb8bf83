package org.eventbooking.domain.event;

import java.time.Instant;

/**
 * A person signed up (written to {@code event-streams}, keyed by email, so one writer decides
 * whether an email is taken). The password arrives already hashed with a slow, salted KDF.
 */
public record UserRegistered(String userId, String email, String name, String role, String passwordHash,
                             Instant occurredAt) implements LogEvent {
}
