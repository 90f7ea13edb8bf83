package org.eventbooking.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventbooking.gateway.testsupport.RecordingOutageListener;
import org.eventbooking.gateway.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class RedisConnectionIT {

    private static RedisServerProcess server;

    private final RecordingOutageListener listener = new RecordingOutageListener();

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Test
    void aRedisThatNeverAnswersCostsOneTimeoutNotAStalledRequest() throws IOException {
        // Accepts connections (the kernel completes them) but never reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RedisConnection redis = new RedisConnection(
                     new RedisEndpoint("127.0.0.1", silent.getLocalPort(), null, Duration.ofMillis(200)), listener)) {
            long started = System.nanoTime();

            assertThat(redis.call("ping", jedis -> jedis.ping())).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(redis.isAvailable()).isFalse();
            assertThat(listener.events()).containsExactly("unavailable:ping");
        }
    }

    @Test
    void anOutageSeenByManyIdleConnectionsIsReportedOnceEachWay() throws Exception {
        try (RedisConnection redis = new RedisConnection(
                RedisEndpoint.parse(server.url(), Duration.ofMillis(200)), listener)) {
            useConnectionsAtOnce(redis, 16);

            server.restart();

            // The first command meets a dead pooled connection. That drops the other dead ones, so concurrent
            // commands after it get fresh connections instead of each failing once more and flapping the state.
            assertThat(redis.call("ping", jedis -> jedis.ping())).isEmpty();
            useConnectionsAtOnce(redis, 16);
            assertThat(listener.events()).containsExactly("unavailable:ping", "recovered");
            assertThat(redis.isAvailable()).isTrue();
        }
    }

    /** Blocks {@code count} threads in BLPOP at once, so the pool must open as many connections; all succeed. */
    private static void useConnectionsAtOnce(RedisConnection redis, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Boolean>> answered = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answered.add(pool.submit(() -> redis.call("blpop", jedis -> {
                    jedis.blpop(0.1, "nothing");
                    return true;
                }).orElse(false)));
            }
            for (Future<Boolean> each : answered) {
                assertThat(each.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            assertThat(admin.clientList().lines().filter(line -> line.contains(" name=api-gateway ")))
                    .hasSizeGreaterThanOrEqualTo(count);
        }
    }
}
