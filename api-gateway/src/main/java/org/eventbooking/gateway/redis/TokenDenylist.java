package org.eventbooking.gateway.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import redis.clients.jedis.params.SetParams;

/**
 * Access tokens revoked before their expiry (logout, compromised account), shared by all gateway nodes. An
 * entry lives exactly as long as its token could still be accepted, so the list never outgrows the live
 * revoked tokens. Checks fail open while Redis is down: tokens are short-lived and signature and expiry are
 * still verified, so an outage briefly reopens revoked tokens rather than locking every user out.
 */
public final class TokenDenylist {

    private final RedisConnection redis;
    private final String keyPrefix;
    private final Clock clock;

    /**
     * @param keyPrefix namespaces the entries, e.g. "booking:revoked:"
     * @param clock     the clock token expiry is judged by (the same one the token verifier uses)
     */
    public TokenDenylist(RedisConnection redis, String keyPrefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Denies {@code tokenId} until {@code expiresAt}. Returns false when Redis could not store it, so the caller
     * can answer 503 instead of claiming a revocation that did not happen. A token already expired is refused
     * by its expiry anyway and needs no entry: that counts as revoked.
     */
    public boolean revoke(String tokenId, Instant expiresAt) {
        String key = keyFor(tokenId);
        long ttlMillis = Duration.between(clock.instant(), expiresAt).toMillis();
        if (ttlMillis < 1) {
            return true;
        }
        return redis.call("denylist.revoke", jedis -> jedis.set(key, "1", SetParams.setParams().px(ttlMillis)))
                .isPresent();
    }

    /** Whether {@code tokenId} was revoked; false when Redis is unavailable (fails open). */
    public boolean isRevoked(String tokenId) {
        String key = keyFor(tokenId);
        return redis.call("denylist.check", jedis -> jedis.exists(key)).orElse(false);
    }

    /** The entry that marks {@code tokenId} as revoked, for checks made inside a script. */
    public String keyFor(String tokenId) {
        if (tokenId == null || tokenId.isBlank()) {
            throw new IllegalArgumentException("tokenId is missing");
        }
        return keyPrefix + tokenId;
    }
}
