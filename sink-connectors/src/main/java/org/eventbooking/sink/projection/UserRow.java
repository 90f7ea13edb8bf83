package org.eventbooking.sink.projection;

import java.time.Instant;

/** A row of {@code users}. Deliberately without the password hash. */
public record UserRow(String userId, String email, String name, String role, Instant registeredAt,
                      SourcePosition source) implements RowChange {
}
