package org.eventbooking.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.tracing.TracingSettings;

/**
 * Every setting of a node, typed, from environment variables ({@code BOOKING_*}, listed in the
 * README). One place: nothing else in the node reads the environment.
 *
 * @param advertisedHost the host other nodes reach this one at; with {@code httpPort} it is the
 *                       node's {@code application.server}, where interactive queries are forwarded
 * @param replyPartition the partition of {@code booking-replies} this node reads, -1 to derive it from the node id
 * @param streamThreads  stream threads of the node's Kafka Streams instance; each owns some of the node's tasks and
 *                       commits its own transactions, so one can process while another commits
 * @param standbyReplicas warm copies of each task's stores kept on other nodes, so a node's crash is taken over
 *                        without restoring the stores from their changelogs
 * @param sessionTimeout how long the group waits for a silent (crashed) node before moving its tasks
 * @param webRoot        the built web app served at {@code /}, if any
 */
public record GatewayConfig(
        String nodeId,
        boolean production,
        String httpHost,
        int httpPort,
        String advertisedHost,
        String kafkaBootstrap,
        String applicationId,
        Path stateDir,
        int topicPartitions,
        short replicationFactor,
        long commitIntervalMs,
        int streamThreads,
        int standbyReplicas,
        Duration sessionTimeout,
        int replyPartition,
        Duration replyTimeout,
        String redisUrl,
        Duration cacheTtl,
        int holdsPerMinute,
        String jwtSecret,
        Duration tokenTtl,
        int bcryptCost,
        Set<String> adminEmails,
        int maxSeatsPerEvent,
        String publicUrl,
        boolean fakeProvider,
        String webhookSecret,
        Duration webhookMaxAge,
        TracingSettings tracing,
        Optional<Path> webRoot) {

    /**
     * A committed reply waits for its transaction, so this is most of a hold's latency at low
     * rates; shorter commits cost each transaction's fixed price more often. On the 2-core
     * benchmark 50 ms answered 1,000 holds/s at p99 200 ms where 20 ms fell behind at 700/s
     * (BENCHMARKS.md, commit interval).
     */
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 50;

    /** Where {@code npm run build} in {@code frontend/} puts the web app, relative to the repository root. */
    public static final Path BUILT_WEB_APP = Path.of("frontend", "dist");

    /** Verifies development webhooks only; a production node refuses to start with it. */
    public static final String DEV_WEBHOOK_SECRET = "dev-only-webhook-secret-do-not-use-in-production";

    public GatewayConfig {
        if (production && (jwtSecret == null || jwtSecret.equals(TokenService.DEV_SECRET) || jwtSecret.length() < 32)) {
            throw new IllegalArgumentException("BOOKING_JWT_SECRET must be set to at least 32 random characters in production"
                    + " (for example: openssl rand -base64 48)");
        }
        if (production && (webhookSecret.equals(DEV_WEBHOOK_SECRET) || webhookSecret.length() < 32)) {
            throw new IllegalArgumentException("BOOKING_PAYMENT_WEBHOOK_SECRET must be set to the provider's signing secret"
                    + " (at least 32 characters) in production");
        }
        if (production && fakeProvider) {
            throw new IllegalArgumentException("BOOKING_FAKE_PROVIDER is for development and tests only: unset it in production");
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("BOOKING_STREAM_THREADS must be at least 1");
        }
        if (cacheTtl.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("BOOKING_CACHE_TTL_MS must be at most 1000: cached reads may be at most 1 s stale");
        }
    }

    public static GatewayConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        Settings s = new Settings(env);
        int port = s.integer("BOOKING_HTTP_PORT", 8080);
        String nodeId = s.text("BOOKING_NODE_ID", "node-" + port);
        return new GatewayConfig(
                nodeId,
                s.text("BOOKING_MODE", "development").equalsIgnoreCase("production"),
                s.text("BOOKING_HTTP_HOST", "0.0.0.0"),
                port,
                s.text("BOOKING_ADVERTISED_HOST", "127.0.0.1"),
                s.text("BOOKING_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                s.text("BOOKING_APPLICATION_ID", "booking-engine"),
                Path.of(s.text("BOOKING_STATE_DIR", ".local/state/" + nodeId)),
                s.integer("BOOKING_TOPIC_PARTITIONS", 6),
                (short) s.integer("BOOKING_REPLICATION_FACTOR", 1),
                s.integer("BOOKING_COMMIT_INTERVAL_MS", (int) DEFAULT_COMMIT_INTERVAL_MS),
                s.integer("BOOKING_STREAM_THREADS", 1),
                s.integer("BOOKING_STANDBY_REPLICAS", 0),
                Duration.ofMillis(s.integer("BOOKING_SESSION_TIMEOUT_MS", 45_000)),
                s.integer("BOOKING_REPLY_PARTITION", -1),
                Duration.ofMillis(s.integer("BOOKING_REPLY_TIMEOUT_MS", 5_000)),
                s.text("BOOKING_REDIS_URL", "redis://127.0.0.1:6379"),
                Duration.ofMillis(s.integer("BOOKING_CACHE_TTL_MS", 500)),
                s.integer("BOOKING_HOLDS_PER_MINUTE", 20),
                s.text("BOOKING_JWT_SECRET", TokenService.DEV_SECRET),
                Duration.ofSeconds(s.integer("BOOKING_TOKEN_TTL_SECONDS", 3_600)),
                s.integer("BOOKING_BCRYPT_COST", 10),
                s.parsed("BOOKING_ADMIN_EMAILS", "", GatewayConfig::emailSet),
                s.integer("BOOKING_MAX_SEATS_PER_EVENT", 100_000),
                s.text("BOOKING_PUBLIC_URL", ""),
                Boolean.parseBoolean(s.text("BOOKING_FAKE_PROVIDER", "false")),
                s.text("BOOKING_PAYMENT_WEBHOOK_SECRET", DEV_WEBHOOK_SECRET),
                Duration.ofSeconds(s.integer("BOOKING_WEBHOOK_MAX_AGE_SECONDS", 300)),
                new TracingSettings(s.text("BOOKING_OTLP_ENDPOINT", ""),
                        s.parsed("BOOKING_TRACE_SAMPLE_RATIO", "1.0", Double::parseDouble),
                        s.text("BOOKING_TRACE_SERVICE_NAME", "booking-node")),
                webRoot(s.text("BOOKING_WEB_ROOT", "")));
    }

    /** The configured web app, which must be built; unset, the repository's build when there is one. */
    private static Optional<Path> webRoot(String configured) {
        if (configured.isEmpty()) {
            return Optional.of(BUILT_WEB_APP).filter(GatewayConfig::hasIndexPage);
        }
        Path root = Path.of(configured);
        if (!hasIndexPage(root)) {
            throw new IllegalArgumentException("BOOKING_WEB_ROOT=" + configured + " has no index.html: build the web app"
                    + " (cd frontend && npm ci && npm run build) or unset BOOKING_WEB_ROOT");
        }
        return Optional.of(root);
    }

    private static boolean hasIndexPage(Path root) {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    /** The partition of {@code booking-replies} this node reads replies from. */
    public int replyPartitionOf(int partitions) {
        return replyPartition >= 0 ? replyPartition % partitions : Math.floorMod(nodeId.hashCode(), partitions);
    }

    private static Set<String> emailSet(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads variables with defaults and says which variable is wrong when one does not parse. */
    private record Settings(Map<String, String> env) {

        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String name, int fallback) {
            return parsed(name, Integer.toString(fallback), Integer::parseInt);
        }

        <T> T parsed(String name, String fallback, Function<String, T> parser) {
            String value = text(name, fallback);
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + "=" + value + " is not valid: " + e.getMessage(), e);
            }
        }
    }
}
