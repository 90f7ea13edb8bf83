package org.eventbooking.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventbooking.gateway.redis.HoldRateLimiter.Decision;
import org.eventbooking.gateway.testsupport.RecordingOutageListener;
import org.eventbooking.gateway.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class HoldRateLimiterIT {

    private static final String PREFIX = "booking:holds:";
    private static final String NOT_REVOKED = "booking:revoked:none";

    private static RedisServerProcess server;

    private final RecordingOutageListener listener = new RecordingOutageListener();
    private final List<RedisConnection> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void flush() {
        try (RedisClient admin = server.client()) {
            admin.flushAll();
        }
    }

    @AfterEach
    void disconnect() {
        connections.forEach(RedisConnection::close);
        if (!server.isRunning()) {
            server.restart();
        }
    }

    /** A node's connection; each call is a separate pool, as on separate gateway nodes. */
    private RedisConnection node() {
        RedisConnection redis = new RedisConnection(RedisEndpoint.parse(server.url(), Duration.ofMillis(200)),
                listener);
        connections.add(redis);
        return redis;
    }

    @Test
    void allowsTwentyPerMinuteThenRefusesWithRetryAfter() {
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX);

        for (int i = 1; i <= 20; i++) {
            Decision decision = limiter.tryAcquire("alice", NOT_REVOKED);
            assertThat(decision.allowed()).as("hold %d", i).isTrue();
            assertThat(decision.retryAfter()).isZero();
            assertThat(decision.remaining()).isBetween(20.0 - i, 20.0 - i + 0.5);
        }
        Decision refused = limiter.tryAcquire("alice", NOT_REVOKED);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(refused.remaining()).isLessThan(1.0);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void bucketsArePerUser() {
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 2, 1);

        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isFalse();

        assertThat(limiter.tryAcquire("bob", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("bob", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("bob", NOT_REVOKED).allowed()).isFalse();
    }

    @Test
    void tokensComeBackAtTheRefillRate() {
        // 120 per minute: one token every 500 ms.
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 2, 120);
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();

        Decision refused = limiter.tryAcquire("alice", NOT_REVOKED);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                .until(() -> limiter.tryAcquire("alice", NOT_REVOKED).allowed());
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).as("only one token came back").isFalse();
    }

    @Test
    void bucketKeyExpiresWhenTheBucketIsFullAgain() {
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 2, 120);
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();

        try (RedisClient admin = server.client()) {
            assertThat(admin.pttl(PREFIX + "alice")).isBetween(1L, 500L);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                    .until(() -> !admin.exists(PREFIX + "alice"));
        }
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).remaining()).isEqualTo(1.0);
    }

    @Test
    void aRevokedTokenIsRefusedWithoutSpendingFromTheBucket() {
        RedisConnection redis = node();
        HoldRateLimiter limiter = new HoldRateLimiter(redis, PREFIX, 2, 1);
        TokenDenylist denylist = new TokenDenylist(redis, "booking:revoked:", Clock.systemUTC());
        assertThat(denylist.revoke("token-1", Instant.now().plusSeconds(60))).isTrue();

        Decision refused = limiter.tryAcquire("alice", denylist.keyFor("token-1"));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.revoked()).isTrue();
        assertThat(limiter.tryAcquire("alice", denylist.keyFor("token-2")).remaining())
                .as("the revoked attempt took no token").isEqualTo(1.0);
    }

    @Test
    void nodesShareTheBucket() {
        HoldRateLimiter nodeA = new HoldRateLimiter(node(), PREFIX, 4, 1);
        HoldRateLimiter nodeB = new HoldRateLimiter(node(), PREFIX, 4, 1);

        assertThat(nodeA.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(nodeB.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(nodeA.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(nodeB.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();

        assertThat(nodeA.tryAcquire("alice", NOT_REVOKED).allowed()).isFalse();
        assertThat(nodeB.tryAcquire("alice", NOT_REVOKED).allowed()).isFalse();
    }

    @Test
    void scriptIsReloadedAfterTheServerForgetsIt() {
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 2, 1);
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();

        try (RedisClient admin = server.client()) {
            admin.scriptFlush();
        }
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).as("the bucket, not a fail-open").isFalse();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void withRedisDownHoldsAreAllowedAndTheOutageReported() {
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 1, 1);
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isFalse();

        server.stop();
        for (int i = 0; i < 3; i++) {
            Decision decision = limiter.tryAcquire("alice", NOT_REVOKED);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.retryAfter()).isZero();
        }
        assertThat(listener.events()).containsExactly("unavailable:rate-limit.hold");

        server.restart();
        // The restarted server is empty (no persistence), so the bucket starts full.
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.tryAcquire("alice", NOT_REVOKED).allowed()
                && listener.events().contains("recovered"));
        assertThat(limiter.tryAcquire("alice", NOT_REVOKED).allowed()).isFalse();
        assertThat(listener.events()).containsExactly("unavailable:rate-limit.hold", "recovered");
    }

    @Test
    void concurrentAttemptsNeverOverspendTheBucket() throws Exception {
        // Refill of 1 per minute so that no token comes back while the threads run.
        HoldRateLimiter limiter = new HoldRateLimiter(node(), PREFIX, 20, 1);
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int attempt = 0; attempt < 2; attempt++) {
                        allowed += limiter.tryAcquire("alice", NOT_REVOKED).allowed() ? 1 : 0;
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get(30, TimeUnit.SECONDS);
            }

            assertThat(allowed).isEqualTo(20);
            assertThat(listener.events()).as("no attempt failed open").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
