package org.eventbooking.gateway.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eventbooking.gateway.redis.HotReadCache;

/**
 * Hot reads (catalog, availability) through the shared Redis cache, as the JSON that is sent: a
 * hit costs no interactive query and no serialisation. Entries live {@code ttl} (≤ 1 s), which
 * bounds their staleness; misses are not cached, so a new event shows up at once.
 */
final class HotReads {

    private final HotReadCache cache;
    private final Duration ttl;

    HotReads(HotReadCache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    CompletableFuture<Optional<String>> get(String key, Supplier<CompletableFuture<? extends Optional<?>>> load) {
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached);
        }
        return load.get().thenApply(found -> found.map(value -> {
            String json = new String(Responses.bytes(value), java.nio.charset.StandardCharsets.UTF_8);
            cache.put(key, json, ttl);
            return json;
        }));
    }
}
