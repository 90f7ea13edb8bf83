package org.eventbooking.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.eventbooking.gateway.GatewayConfig;
import org.eventbooking.gateway.GatewayNode;

/**
 * An API node in the benchmark's own JVM with the settings every HTTP scenario shares, and the
 * Redis it talks to (a child process, or none).
 */
final class BenchNode {

    private BenchNode() {
    }

    /** A Redis child process, or none; closing stops it. */
    record RedisHandle(Optional<RedisChild> child) implements AutoCloseable {

        static RedisHandle start(Path dir, boolean noRedis) throws Exception {
            if (noRedis) {
                System.out.println("redis: off (--no-redis); the node fails open: no cache, no rate limit, no token revocation");
                return new RedisHandle(Optional.empty());
            }
            Optional<RedisChild> redis = RedisChild.startIfInstalled(dir);
            System.out.println(redis.map(r -> "redis: " + r.url())
                    .orElse("redis: redis-server not on PATH, running without; the node fails open (no cache, rate limit or revocation checks)"));
            return new RedisHandle(redis);
        }

        Optional<String> url() {
            return child.map(RedisChild::url);
        }

        @Override
        public void close() throws InterruptedException {
            if (child.isPresent()) {
                child.get().close();
            }
        }
    }

    /**
     * Starts the node and waits until its streams run.
     *
     * @param extra settings of the scenario on top of (or instead of) the shared ones
     */
    static GatewayNode start(String scenario, Path workDir, String bootstrap, RedisHandle redis, long commitIntervalMs,
                             Map<String, String> extra) throws InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("BOOKING_NODE_ID", "bench-node");
        env.put("BOOKING_HTTP_PORT", "0");
        env.put("BOOKING_HTTP_HOST", "127.0.0.1");
        env.put("BOOKING_KAFKA_BOOTSTRAP", bootstrap);
        // A fresh application id per run, so a shared --bootstrap cluster never restores old state.
        env.put("BOOKING_APPLICATION_ID", "bench-" + scenario + "-" + System.currentTimeMillis());
        env.put("BOOKING_STATE_DIR", workDir.resolve("state").toString());
        // The per-user limit (20/min by default) would turn most holds into 429s: not what is measured.
        env.put("BOOKING_HOLDS_PER_MINUTE", "1000000");
        // Cost 4 keeps registering the customers fast; holds do not hash passwords.
        env.put("BOOKING_BCRYPT_COST", "4");
        env.put("BOOKING_COMMIT_INTERVAL_MS", Long.toString(commitIntervalMs));
        // Without Redis the node is pointed at a closed port and fails open, as documented.
        env.put("BOOKING_REDIS_URL", redis.url().orElse("redis://127.0.0.1:1"));
        env.putAll(extra);
        GatewayNode node = GatewayNode.start(GatewayConfig.fromEnvironment(env));
        awaitReady(node);
        return node;
    }

    /** The node serves HTTP before its stream thread runs; commands sent earlier only wait for it. */
    private static void awaitReady(GatewayNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!node.isReady()) {
            if (System.nanoTime() > deadline) {
                node.close();
                throw new IllegalStateException("the node's streams did not reach RUNNING within 60 s");
            }
            Thread.sleep(50);
        }
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
