package org.eventbooking.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eventbooking.gateway.testsupport.RecordingOutageListener;
import org.eventbooking.gateway.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class TokenDenylistIT {

    private static RedisServerProcess server;

    private final RecordingOutageListener listener = new RecordingOutageListener();
    private RedisConnection redis;
    private TokenDenylist denylist;

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
        denylist = new TokenDenylist(redis, "booking:revoked:", Clock.systemUTC());
    }

    @AfterEach
    void disconnect() {
        redis.close();
        if (!server.isRunning()) {
            server.restart();
        }
    }

    @Test
    void revokedTokenIsRevokedAndOthersAreNot() {
        assertThat(denylist.revoke("jti-1", Instant.now().plus(Duration.ofMinutes(15)))).isTrue();

        assertThat(denylist.isRevoked("jti-1")).isTrue();
        assertThat(denylist.isRevoked("jti-2")).isFalse();
    }

    @Test
    void entryExpiresWithTheToken() {
        assertThat(denylist.revoke("jti-short", Instant.now().plusMillis(300))).isTrue();

        try (RedisClient admin = server.client()) {
            assertThat(admin.pttl("booking:revoked:jti-short")).isBetween(1L, 300L);
        }
        assertThat(denylist.isRevoked("jti-short")).isTrue();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !denylist.isRevoked("jti-short"));
    }

    @Test
    void anExpiredTokenNeedsNoEntry() {
        assertThat(denylist.revoke("jti-old", Instant.now().minusSeconds(1))).isTrue();

        try (RedisClient admin = server.client()) {
            assertThat(admin.exists("booking:revoked:jti-old")).isFalse();
        }
    }

    @Test
    void withRedisDownChecksFailOpenAndRevocationReportsFailure() {
        assertThat(denylist.revoke("jti-1", Instant.now().plus(Duration.ofMinutes(15)))).isTrue();

        server.stop();
        assertThat(denylist.isRevoked("jti-1")).isFalse();
        assertThat(denylist.revoke("jti-2", Instant.now().plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(listener.events()).containsExactly("unavailable:denylist.check");
    }
}
