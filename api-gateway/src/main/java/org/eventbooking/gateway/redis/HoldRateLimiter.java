package org.eventbooking.gateway.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Limits how often one user may place seat holds, across all gateway nodes: a token bucket per user kept in
 * Redis. When Redis is unavailable the limiter lets every hold through (fails open): the engine still
 * enforces the seat invariants, so an outage costs abuse protection, not correctness or availability.
 */
public final class HoldRateLimiter {

    public static final int DEFAULT_HOLDS_PER_MINUTE = 20;

    /**
     * Refills, takes one token and writes the bucket in one atomic step, so concurrent requests on any node
     * never both take the last token. The clock is the Redis server's TIME, the one clock all nodes share.
     * Calling TIME before writing is allowed because Redis (5+, and only so from 7) replicates a script's
     * effects, not the script. The key expires exactly when the bucket would be full again, which is the
     * same as no key at all, so idle users leave nothing behind.
     * The caller's token is checked against the denylist first, in the same round trip: a hold then
     * costs one call to Redis, not two, and a revoked token spends nothing from the bucket.
     * KEYS[1] bucket; KEYS[2] the token's denylist entry; ARGV[1] capacity; ARGV[2] tokens added per minute.
     * Returns {allowed 0/1 (-1: the token is revoked), milliseconds until a token is available,
     * remaining tokens as a string}.
     */
    private static final String SCRIPT = """
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return {-1, 0, '0'}
            end
            local capacity = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2]) / 60000
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1])
            local at = tonumber(bucket[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * per_ms)
            end
            local allowed = 0
            local retry_ms = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              retry_ms = math.ceil((1 - tokens) / per_ms)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - tokens) / per_ms)))
            return {allowed, retry_ms, tostring(tokens)}
            """;

    // What SCRIPT LOAD answers for SCRIPT; known up front so the first call needs no extra round trip.
    private static final String SCRIPT_SHA = sha1Hex(SCRIPT);

    private final RedisConnection redis;
    private final String keyPrefix;
    private final int capacity;
    private final int refillPerMinute;

    /** Buckets of {@value #DEFAULT_HOLDS_PER_MINUTE} holds, refilled at that many per minute. */
    public HoldRateLimiter(RedisConnection redis, String keyPrefix) {
        this(redis, keyPrefix, DEFAULT_HOLDS_PER_MINUTE, DEFAULT_HOLDS_PER_MINUTE);
    }

    /**
     * @param keyPrefix       namespaces the buckets, e.g. "booking:holds:"; nodes that share it share buckets
     * @param capacity        the burst a user may spend at once
     * @param refillPerMinute tokens added back per minute, the sustained rate
     */
    public HoldRateLimiter(RedisConnection redis, String keyPrefix, int capacity, int refillPerMinute) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("capacity and refill per minute must be at least 1, were "
                    + capacity + " and " + refillPerMinute);
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
    }

    /**
     * Takes one token from {@code userId}'s bucket if there is one, unless {@code denylistKey} (the caller's
     * token's entry, {@link TokenDenylist#keyFor}) exists.
     */
    public Decision tryAcquire(String userId, String denylistKey) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is missing");
        }
        List<String> keys = List.of(keyPrefix + userId, Objects.requireNonNull(denylistKey, "denylistKey"));
        List<String> args = List.of(Integer.toString(capacity), Integer.toString(refillPerMinute));
        return redis.call("rate-limit.hold", jedis -> evaluate(jedis, keys, args))
                .map(HoldRateLimiter::decision)
                // Fail open, as the denylist does; the bucket's state is unknown, so claim nothing was spent.
                .orElseGet(() -> new Decision(true, false, Duration.ZERO, capacity));
    }

    private static Object evaluate(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(SCRIPT_SHA, keys, args);
        } catch (JedisNoScriptException e) {
            // A restarted, failed-over or SCRIPT FLUSHed server has an empty script cache.
            String sha = jedis.scriptLoad(SCRIPT);
            return jedis.evalsha(sha, keys, args);
        }
    }

    private static Decision decision(Object reply) {
        List<?> values = (List<?>) reply;
        double verdict = number(values.get(0));
        Duration retryAfter = Duration.ofMillis((long) number(values.get(1)));
        return new Decision(verdict == 1, verdict == -1, retryAfter, number(values.get(2)));
    }

    private static double number(Object value) {
        return Double.parseDouble(value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(value));
    }

    private static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /**
     * @param allowed    whether the hold may go ahead
     * @param revoked    refused because the caller's token is revoked (the bucket was not touched)
     * @param retryAfter when refused for the rate, how long until a token is back (for Retry-After); else zero
     * @param remaining  tokens left after this decision (fractional while refilling)
     */
    public record Decision(boolean allowed, boolean revoked, Duration retryAfter, double remaining) {
    }
}
