package org.eventbooking.gateway.auth;

import java.time.Instant;

/** The authenticated caller, as read from a verified token. */
public record Principal(String userId, String email, Role role, String tokenId, Instant expiresAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }
}
