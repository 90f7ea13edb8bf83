package org.eventbooking.gateway.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.params.SetParams;

/**
 * A cache of hot read results (availability, event listings) shared by all gateway nodes, so a flash crowd
 * hits the engine's interactive queries once per TTL instead of once per request. The TTL is the staleness
 * bound the caller accepts. When Redis is down the cache is bypassed: every read goes to the loader.
 */
public final class HotReadCache {

    private final RedisConnection redis;
    private final String keyPrefix;

    /** {@code keyPrefix} namespaces the entries in a Redis shared with other uses, e.g. "booking:cache:". */
    public HotReadCache(RedisConnection redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** The cached value, or empty on a miss or when Redis is unavailable. */
    public Optional<String> get(String key) {
        String redisKey = keyPrefix + key;
        return redis.call("cache.get", jedis -> jedis.get(redisKey));
    }

    /** Stores {@code value} for {@code ttl} (millisecond precision); does nothing when Redis is unavailable. */
    public void put(String key, String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        long ttlMillis = ttl.toMillis();
        if (ttlMillis < 1) {
            throw new IllegalArgumentException("cache TTL must be at least 1 ms, was " + ttl);
        }
        String redisKey = keyPrefix + key;
        redis.call("cache.put", jedis -> jedis.set(redisKey, value, SetParams.setParams().px(ttlMillis)));
    }

    /**
     * The cached value, or else the loader's, which is then cached for {@code ttl}. Concurrent misses each call
     * the loader; for reads that are cheap to repeat this is simpler than a distributed lock and never blocks.
     */
    public String getOrLoad(String key, Duration ttl, Supplier<String> loader) {
        Optional<String> cached = get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        String loaded = Objects.requireNonNull(loader.get(), () -> "cache loader returned null for " + key);
        // After a failed GET the PSETEX would only wait out another timeout, so skip it.
        if (redis.isAvailable()) {
            put(key, loaded, ttl);
        }
        return loaded;
    }
}
