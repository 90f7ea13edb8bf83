package org.eventbooking.ops.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code ./booking dev} was asked for, typed, and what follows from it for each child
 * (ports, node environments); pure.
 *
 * @param repoRoot         where {@code ./booking} and {@code scripts/} are
 * @param brokers          KRaft nodes, each broker and controller; broker n listens on {@code kafkaPort + n - 1}
 * @param firstHttpPort    node n listens on {@code firstHttpPort + n - 1}
 * @param redisPort        0 for a free port
 * @param postgresPort     0 for the port of the last run, else a free one
 * @param externalPostgres a JDBC URL to use instead of starting PostgreSQL
 * @param externalRedis    a {@code redis://} URL to use instead of starting Redis
 * @param nodeOverrides    settings every node gets beyond the launcher's environment (e.g. a shorter session timeout)
 */
public record DevSettings(
        Path repoRoot,
        Path dataDir,
        boolean fresh,
        int nodes,
        int brokers,
        int firstHttpPort,
        int kafkaPort,
        int connectPort,
        int redisPort,
        int postgresPort,
        int topicPartitions,
        Optional<String> externalPostgres,
        Optional<String> externalRedis,
        List<String> nodeJvmOptions,
        Map<String, String> nodeOverrides) {

    public DevSettings {
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
        }
        if (topicPartitions < nodes) {
            throw new IllegalArgumentException("--partitions (" + topicPartitions + ") must be at least --nodes ("
                    + nodes + "): each node reads its replies from a partition of its own");
        }
        if (brokers < 1) {
            throw new IllegalArgumentException("--brokers must be at least 1, got " + brokers);
        }
        requirePort("--http-port", firstHttpPort + nodes - 1, false);
        requirePort("--kafka-port", kafkaPort + brokers - 1, false);
        requirePort("--connect-port", connectPort, false);
        requirePort("--redis-port", redisPort, true);
        requirePort("--postgres-port", postgresPort, true);
        nodeJvmOptions = List.copyOf(nodeJvmOptions);
        nodeOverrides = Map.copyOf(nodeOverrides);
        externalPostgres = externalPostgres.filter(url -> !url.isBlank());
        externalRedis = externalRedis.filter(url -> !url.isBlank());
    }

    /** Where {@code ./booking} is: it runs from the repository root, found upwards so a run from a module directory works too. */
    public static Path locateRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("booking")) && Files.isDirectory(dir.resolve("scripts"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("run it as ./booking from the repository (no ./booking above "
                + Path.of("").toAbsolutePath() + ")");
    }

    /** Nodes are numbered 1..N. */
    public int httpPort(int node) {
        return firstHttpPort + node - 1;
    }

    /** Three copies of every topic from three brokers on (then two in sync for a write), else one per broker. */
    public short replicationFactor() {
        return (short) Math.min(brokers, 3);
    }

    /** With more than one node, each keeps a warm copy of another's stores, so a crash fails over fast. */
    public int standbyReplicas() {
        return nodes > 1 ? 1 : 0;
    }

    public String nodeId(int node) {
        return "node-" + node;
    }

    /**
     * The variables a node runs with (on top of the launcher's environment, so any other BOOKING_*
     * setting passes through) and the overrides: one Streams application, a reply partition and state
     * dir per node, the fake payment provider on.
     */
    public Map<String, String> nodeEnvironment(int node, String kafkaBootstrap, String redisUrl, Path stateDir) {
        Map<String, String> env = new LinkedHashMap<>(nodeOverrides);
        env.put("BOOKING_NODE_ID", nodeId(node));
        env.put("BOOKING_HTTP_PORT", Integer.toString(httpPort(node)));
        env.put("BOOKING_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("BOOKING_REDIS_URL", redisUrl);
        env.put("BOOKING_STATE_DIR", stateDir.toString());
        env.put("BOOKING_TOPIC_PARTITIONS", Integer.toString(topicPartitions));
        env.put("BOOKING_REPLICATION_FACTOR", Short.toString(replicationFactor()));
        env.put("BOOKING_STANDBY_REPLICAS", Integer.toString(standbyReplicas()));
        env.put("BOOKING_REPLY_PARTITION", Integer.toString(node - 1));
        env.put("BOOKING_FAKE_PROVIDER", "true");
        return env;
    }

    /** The fixed ports this run will bind, each with the option that moves it, to check before starting anything. */
    public Map<Integer, String> portsToBind() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (int node = 1; node <= nodes; node++) {
            claim(ports, httpPort(node), nodeId(node) + " HTTP (--http-port)");
        }
        for (int broker = 1; broker <= brokers; broker++) {
            claim(ports, kafkaPort + broker - 1, "Kafka broker " + broker + " (--kafka-port)");
        }
        claim(ports, connectPort, "Connect REST (--connect-port)");
        if (externalRedis.isEmpty() && redisPort != 0) {
            claim(ports, redisPort, "Redis (--redis-port)");
        }
        if (externalPostgres.isEmpty() && postgresPort != 0) {
            claim(ports, postgresPort, "PostgreSQL (--postgres-port)");
        }
        return ports;
    }

    private static void claim(Map<Integer, String> ports, int port, String user) {
        String other = ports.putIfAbsent(port, user);
        if (other != null) {
            throw new IllegalArgumentException("port " + port + " is given to both " + other + " and " + user);
        }
    }

    /** The Debian packages of the servers this run starts itself. */
    public List<String> packagesNeeded() {
        List<String> packages = new ArrayList<>();
        if (externalRedis.isEmpty()) {
            packages.add("redis-server");
        }
        if (externalPostgres.isEmpty()) {
            packages.add("postgresql");
        }
        return packages;
    }

    private static void requirePort(String option, int port, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "0" : "1") + "..65535, got " + port);
        }
    }
}
