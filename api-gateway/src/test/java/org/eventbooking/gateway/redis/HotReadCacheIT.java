package org.eventbooking.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eventbooking.gateway.testsupport.RecordingOutageListener;
import org.eventbooking.gateway.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class HotReadCacheIT {

    private static final Duration TTL = Duration.ofSeconds(30);

    private static RedisServerProcess server;

    private final RecordingOutageListener listener = new RecordingOutageListener();
    private RedisConnection redis;
    private HotReadCache cache;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void connect() {
        try (RedisClient admin = server.client()) {
            admin.flushAll();
        }
        redis = new RedisConnection(RedisEndpoint.parse(server.url(), Duration.ofMillis(200)), listener);
        cache = new HotReadCache(redis, "booking:cache:");
    }

    @AfterEach
    void disconnect() {
        redis.close();
        if (!server.isRunning()) {
            server.restart();
        }
    }

    @Test
    void getReturnsWhatWasPutUnderTheNamespacedKey() {
        cache.put("availability:evt-1", "{\"free\":12}", TTL);

        assertThat(cache.get("availability:evt-1")).contains("{\"free\":12}");
        assertThat(cache.get("availability:evt-2")).isEmpty();
        try (RedisClient admin = server.client()) {
            assertThat(admin.get("booking:cache:availability:evt-1")).isEqualTo("{\"free\":12}");
        }
    }

    @Test
    void entryIsGoneAfterItsTtl() {
        cache.put("short", "v", Duration.ofMillis(150));

        try (RedisClient admin = server.client()) {
            assertThat(admin.pttl("booking:cache:short")).isBetween(1L, 150L);
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> cache.get("short").isEmpty());
    }

    @Test
    void getOrLoadLoadsOnceThenServesTheCachedValue() {
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> loader = () -> "value-" + loads.incrementAndGet();

        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-1");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-1");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void withRedisDownTheLoaderAnswersAndTheOutageIsReportedOnceThenTheRecovery() {
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> loader = () -> "value-" + loads.incrementAndGet();
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-1");

        server.stop();
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-2");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-3");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-4");
        assertThat(redis.isAvailable()).isFalse();
        assertThat(listener.events()).containsExactly("unavailable:cache.get");

        server.restart();
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("k").isEmpty() && redis.isAvailable());
        assertThat(listener.events()).containsExactly("unavailable:cache.get", "recovered");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-5");
        assertThat(cache.getOrLoad("k", TTL, loader)).isEqualTo("value-5");
    }
}
