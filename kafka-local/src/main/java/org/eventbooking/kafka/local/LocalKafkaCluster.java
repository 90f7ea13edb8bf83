package org.eventbooking.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft Kafka cluster on 127.0.0.1: N combined broker+controller nodes (ids 1..N), each a
 * child JVM. Its data dir survives restarts, so a cluster can be stopped and started again on
 * the same dir with its topics and records. Not for production: one host, no security.
 *
 * <pre>{@code
 * try (LocalKafkaCluster kafka = LocalKafkaCluster.builder().brokers(3).build()) {
 *     kafka.start();
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaCluster.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final int brokers;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String heap;
    private final Map<String, String> brokerProperties;
    private final Duration startTimeout;
    private final int firstClientPort;
    private final List<String> commandPrefix;
    private final boolean closeOnJvmExit;
    private final Path jmxExporterRules;
    private volatile List<Integer> metricsPorts = List.of();
    // Without it, a test JVM that exits without close() leaves brokers holding ports and disk.
    // Nothing helps against SIGKILL of this JVM: then the children have to be killed by hand.
    private final Thread shutdownHook = new Thread(this::close, "kafka-local-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<BrokerNode> nodes = List.of();

    private LocalKafkaCluster(Builder builder) {
        this.brokers = builder.brokers;
        this.ownsDataDir = builder.dataDir == null;
        this.dataDir = ownsDataDir ? createTempDir() : builder.dataDir.toAbsolutePath();
        this.heap = builder.heap;
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.startTimeout = builder.startTimeout;
        this.firstClientPort = builder.firstClientPort;
        this.commandPrefix = List.copyOf(builder.commandPrefix);
        this.closeOnJvmExit = builder.closeOnJvmExit;
        this.jmxExporterRules = builder.jmxExporterRules;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats new nodes, starts every node and waits until all serve clients; idempotent.
     * A failed start closes the cluster.
     */
    public synchronized void start() {
        if (closed.get()) {
            throw new IllegalStateException("cluster is closed");
        }
        if (!nodes.isEmpty()) {
            return;
        }
        try {
            launch();
        } catch (RuntimeException e) {
            close(); // no half-started cluster keeps running; the exception carries the log tail
            throw e;
        }
    }

    private void launch() {
        String classpath = BrokerClasspath.resolve();
        String clusterId = ClusterIdFile.loadOrCreate(dataDir, brokers);
        List<BrokerPorts> ports = BrokerPorts.allocate(brokers, firstClientPort);
        JmxExporterAgent agent = jmxExporterRules == null ? null : JmxExporterAgent.withRules(jmxExporterRules);
        metricsPorts = agent == null ? List.of() : ports.stream().map(p -> BrokerPorts.free()).toList();
        List<BrokerNode> created = ports.stream()
                .map(p -> new BrokerNode(p, dataDir.resolve("broker-" + p.nodeId()), classpath, heap, commandPrefix,
                        agent == null ? List.of() : List.of(agent.jvmOption(metricsPorts.get(p.nodeId() - 1)))))
                .toList();
        created.forEach(n -> n.writeProperties(
                BrokerProperties.forNode(n.ports(), ports, n.logDir(), brokerProperties)));
        nodes = created;
        if (closeOnJvmExit) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        format(created, clusterId);
        created.forEach(BrokerNode::start);
        BrokerReadiness.await(created, startTimeout, closed::get);
        LOG.info("Kafka cluster {} ready: {} (data {})", clusterId, bootstrapServers(), dataDir);
        if (agent != null) {
            LOG.info("Kafka broker metrics: {}", created.stream().map(n -> metricsUri(n.nodeId()).toString())
                    .collect(Collectors.joining(" ")));
        }
    }

    /** "127.0.0.1:port1,127.0.0.1:port2,..." once started. */
    public String bootstrapServers() {
        return started().stream().map(n -> n.ports().clientAddress()).collect(Collectors.joining(","));
    }

    /**
     * The Prometheus endpoint of node {@code nodeId} (1..N): its JMX exporter agent's
     * {@code GET /metrics}. Only for a cluster built with {@link Builder#jmxExporter(Path)}.
     */
    public URI metricsUri(int nodeId) {
        node(nodeId);
        if (metricsPorts.isEmpty()) {
            throw new IllegalStateException("no metrics endpoint: build the cluster with jmxExporter(rules file)");
        }
        return URI.create("http://" + BrokerPorts.HOST + ":" + metricsPorts.get(nodeId - 1) + "/metrics");
    }

    public int brokers() {
        return brokers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Controlled shutdown of node {@code nodeId} (1..N); forced after 30 s. Stopping a node that
     * leaves fewer than a majority of controllers running always takes those 30 s: its shutdown
     * waits for a controller quorum that no longer exists.
     */
    public void stopBroker(int nodeId) {
        node(nodeId).stop(STOP_GRACE);
    }

    /** Kills node {@code nodeId} (1..N) like a crash ({@code kill -9}) and waits for it to exit. */
    public void killBroker(int nodeId) {
        node(nodeId).kill();
    }

    /** Restarts node {@code nodeId} (1..N) on its ports and dir; returns once it serves clients. */
    public void startBroker(int nodeId) {
        BrokerNode node = node(nodeId);
        node.start();
        BrokerReadiness.await(List.of(node), startTimeout, closed::get);
    }

    public boolean isRunning(int nodeId) {
        return node(nodeId).isRunning();
    }

    /** The process id of the node's current (or last) JVM. */
    public long pid(int nodeId) {
        return node(nodeId).pid();
    }

    public Path serverLog(int nodeId) {
        return node(nodeId).serverLog();
    }

    /**
     * Stops every node gracefully (SIGTERM, last node first; killed after 30 s); deletes the data
     * dir only if this cluster created it. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (closeOnJvmExit) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: this is the hook, or the hook is about to run and will no-op
        }
        List<BrokerNode> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        // All nodes are signalled before any is awaited: a node stopping on its own after the
        // others are gone has no controller majority to approve its controlled shutdown, and
        // hangs until killed (seen with 3 nodes: the last one waited out the full grace period).
        reversed.forEach(BrokerNode::close);
        reversed.forEach(n -> n.awaitStop(STOP_GRACE));
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private List<BrokerNode> started() {
        if (nodes.isEmpty()) {
            throw new IllegalStateException("cluster not started");
        }
        return nodes;
    }

    private BrokerNode node(int nodeId) {
        List<BrokerNode> all = started();
        if (nodeId < 1 || nodeId > all.size()) {
            throw new IllegalArgumentException("node ids are 1.." + all.size() + ", got " + nodeId);
        }
        return all.get(nodeId - 1);
    }

    // Nodes are formatted in parallel: each StorageTool run is a JVM start of a second or two.
    private void format(List<BrokerNode> created, String clusterId) {
        CompletableFuture<?>[] formats = created.stream()
                .map(n -> n.format(clusterId))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(formats).get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LocalKafkaException cause
                    ? cause : new LocalKafkaException("formatting failed", e.getCause());
        } catch (TimeoutException e) {
            throw new LocalKafkaException("formatting did not finish within " + startTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("interrupted while formatting", e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("kafka-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    /** Settings; every one has a default suited to a developer box. */
    public static final class Builder {

        private int brokers = 1;
        private Path dataDir;
        private String heap = "-Xmx512m";
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private int firstClientPort;
        private List<String> commandPrefix = List.of();
        private boolean closeOnJvmExit = true;
        private Path jmxExporterRules;

        private Builder() {
        }

        /**
         * Opt-in: every broker runs the Prometheus JMX exporter as a Java agent with this rules
         * file (prometheus/jmx-exporter/kafka-broker.yml), on a free port; see
         * {@link LocalKafkaCluster#metricsUri(int)}. Default none.
         */
        public Builder jmxExporter(Path rulesFile) {
            this.jmxExporterRules = rulesFile;
            return this;
        }

        /**
         * Whether a JVM shutdown hook closes the cluster; default true. A supervisor that stops its
         * children in order turns it off and closes the cluster from its own hook (shutdown hooks
         * run all at once, so this one would stop the brokers before their clients).
         */
        public Builder closeOnJvmExit(boolean enabled) {
            this.closeOnJvmExit = enabled;
            return this;
        }

        /**
         * The client port of node 1; node n listens on {@code port + n - 1}. Default 0: free ports
         * chosen at each start. A port in use fails the start with a {@link LocalKafkaException}.
         */
        public Builder clientPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.firstClientPort = port;
            return this;
        }

        /**
         * Words put before each broker's {@code java} command line, e.g. {@code setsid}, so a
         * supervisor can keep Ctrl-C at the terminal from reaching the brokers directly and stop
         * them itself, in order. Default none.
         */
        public Builder commandPrefix(List<String> words) {
            this.commandPrefix = List.copyOf(words);
            return this;
        }

        /** Number of nodes, each broker and controller; default 1. */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("brokers must be at least 1, got " + count);
            }
            this.brokers = count;
            return this;
        }

        /** Where data and logs live, reusable across runs; default a fresh temp dir, deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** The heap option of each broker JVM; default {@code -Xmx512m}. */
        public Builder heap(String jvmOption) {
            this.heap = jvmOption;
            return this;
        }

        /** A broker property for every node; overrides the defaults. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            brokerProperties.putAll(properties);
            return this;
        }

        /** How long start and startBroker wait for brokers to serve clients; default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public LocalKafkaCluster build() {
            return new LocalKafkaCluster(this);
        }
    }
}
