package org.eventbooking.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsMetadata;
import org.eventbooking.gateway.GatewayConfig;
import org.eventbooking.gateway.GatewayNode;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.state.StoreNames;

/** A real broker and a real redis-server for a test class, and nodes started against them. */
public final class Platform implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@example.com";

    private final LocalKafkaCluster kafka;
    private final RedisServerProcess redis;
    private final Path workDir;

    private Platform(LocalKafkaCluster kafka, RedisServerProcess redis, Path workDir) {
        this.kafka = kafka;
        this.redis = redis;
        this.workDir = workDir;
    }

    public static Platform start() {
        try {
            Path workDir = Files.createTempDirectory("gateway-it");
            LocalKafkaCluster kafka = LocalKafkaCluster.builder().brokers(1).dataDir(workDir.resolve("kafka")).build();
            kafka.start();
            return new Platform(kafka, RedisServerProcess.start(), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node on a free port with its own state directory; {@code overrides} are BOOKING_* variables. */
    public GatewayNode node(String nodeId, Map<String, String> overrides) {
        return GatewayNode.start(config(nodeId, overrides));
    }

    /** A node that traces with {@code openTelemetry}, e.g. an SDK with an in-memory span exporter. */
    public GatewayNode node(String nodeId, OpenTelemetry openTelemetry) {
        return GatewayNode.start(config(nodeId, Map.of()), openTelemetry);
    }

    private GatewayConfig config(String nodeId, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("BOOKING_NODE_ID", nodeId);
        env.put("BOOKING_HTTP_PORT", "0");
        env.put("BOOKING_HTTP_HOST", "127.0.0.1");
        env.put("BOOKING_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("BOOKING_REDIS_URL", redis.url());
        env.put("BOOKING_STATE_DIR", workDir.resolve("state-" + nodeId).toString());
        env.put("BOOKING_BCRYPT_COST", "4");
        env.put("BOOKING_ADMIN_EMAILS", ADMIN_EMAIL);
        env.put("BOOKING_TOPIC_PARTITIONS", "4");
        env.putAll(overrides);
        return GatewayConfig.fromEnvironment(env);
    }

    public GatewayNode node(String nodeId) {
        return node(nodeId, Map.of());
    }

    /**
     * Waits until every one of {@code nodes} answers {@code /ready} and hosts some of the partitions:
     * the rebalance has settled, so each node owns keys and queries cross between them.
     */
    public static void awaitSharingTheWork(GatewayNode... nodes) {
        await("every node ready and owning partitions").atMost(Duration.ofSeconds(90)).until(() ->
                Arrays.stream(nodes).allMatch(node -> new Api(node.baseUrl()).get("/ready", null).status() == 200)
                        && owners(nodes[0]) == nodes.length);
    }

    private static long owners(GatewayNode node) {
        return node.streams().streamsMetadataForStore(StoreNames.EVENTS).stream()
                .filter(m -> !m.topicPartitions().isEmpty()).map(StreamsMetadata::hostInfo).distinct().count();
    }

    public RedisServerProcess redis() {
        return redis;
    }

    public LocalKafkaCluster kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        redis.close();
        kafka.close();
        try {
            Utils.delete(workDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + workDir, e);
        }
    }
}
