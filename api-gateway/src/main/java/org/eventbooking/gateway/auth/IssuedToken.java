package org.eventbooking.gateway.auth;

import java.time.Instant;

/** A freshly signed token and what a login response tells the client about it. */
public record IssuedToken(String token, String tokenId, Instant expiresAt, long expiresInSeconds) {
}
