package org.eventbooking.gateway;

import io.javalin.Javalin;
import io.opentelemetry.api.OpenTelemetry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.eventbooking.gateway.auth.PasswordHasher;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.command.ReplyListener;
import org.eventbooking.gateway.http.GatewayApp;
import org.eventbooking.gateway.live.AvailabilityFeed;
import org.eventbooking.gateway.metrics.GatewayMetrics;
import org.eventbooking.gateway.payments.FakePaymentProvider;
import org.eventbooking.gateway.payments.RefundWorker;
import org.eventbooking.gateway.payments.WebhookSignature;
import org.eventbooking.gateway.query.ClusterReads;
import org.eventbooking.gateway.query.LocalReads;
import org.eventbooking.gateway.query.PeerClient;
import org.eventbooking.gateway.redis.HoldRateLimiter;
import org.eventbooking.gateway.redis.HotReadCache;
import org.eventbooking.gateway.redis.RedisConnection;
import org.eventbooking.gateway.redis.RedisEndpoint;
import org.eventbooking.gateway.redis.RedisOutageListener;
import org.eventbooking.gateway.redis.TokenDenylist;
import org.eventbooking.topology.BookingTopology;
import org.eventbooking.topology.StoreReads;
import org.eventbooking.topology.StreamsSettings;
import org.eventbooking.topology.TopicProvisioner;
import org.eventbooking.topology.Topics;
import org.eventbooking.topology.TopologySettings;
import org.eventbooking.topology.TopologyTelemetry;
import org.eventbooking.tracing.OtlpTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the platform: a Kafka Streams instance of the booking topology and the HTTP API in
 * front of it. {@link #start} brings the parts up in dependency order and {@link #close} stops
 * them in reverse; a node that failed to start stops what it had started.
 */
public final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final int port;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final OpenTelemetry openTelemetry;
    private KafkaStreams streams;
    private KafkaReachability kafka;
    private Javalin app;

    private GatewayNode(GatewayConfig config, OpenTelemetry openTelemetry) {
        this.config = config;
        this.openTelemetry = openTelemetry;
        this.port = config.httpPort() == 0 ? freePort() : config.httpPort();
    }

    /** A node tracing as its configuration says (OTLP when {@code BOOKING_OTLP_ENDPOINT} is set). */
    public static GatewayNode start(GatewayConfig config) {
        OpenTelemetry openTelemetry = OtlpTracing.create(config.tracing(), config.nodeId());
        GatewayNode node = new GatewayNode(config, openTelemetry);
        if (openTelemetry instanceof Closeable sdk) {
            node.started(sdk);
        }
        return node.startOrClose();
    }

    /** A node that traces with {@code openTelemetry} (tests pass an SDK with an in-memory exporter); the caller closes it. */
    public static GatewayNode start(GatewayConfig config, OpenTelemetry openTelemetry) {
        return new GatewayNode(config, openTelemetry).startOrClose();
    }

    private GatewayNode startOrClose() {
        try {
            startParts();
            return this;
        } catch (RuntimeException | InterruptedException e) {
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("node " + config.nodeId() + " could not start: " + e.getMessage(), e);
        }
    }

    /** Retries while a topic just created (by this node or another) is not yet in the metadata of the broker asked. */
    private static int replyPartitionCount(Admin admin) throws InterruptedException, java.util.concurrent.ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(Topics.BOOKING_REPLIES.name()))
                        .allTopicNames().get().get(Topics.BOOKING_REPLIES.name()).partitions().size();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void startParts() throws InterruptedException {
        int replyPartition;
        Admin admin = Admin.create(adminProperties());
        kafka = started(new KafkaReachability(admin));
        metrics.watchDeadLetters(admin);
        try {
            new TopicProvisioner(admin).createMissing(config.topicPartitions(), config.replicationFactor());
            replyPartition = config.replyPartitionOf(replyPartitionCount(admin));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + config.kafkaBootstrap() + ": " + e.getCause().getMessage(), e);
        }

        RedisConnection redis = started(new RedisConnection(RedisEndpoint.parse(config.redisUrl(), Duration.ofMillis(200)),
                redisOutages()));
        HostInfo self = new HostInfo(config.advertisedHost(), port);
        streams = new KafkaStreams(BookingTopology.build(TopologySettings.defaults().withMaxSeatsPerEvent(config.maxSeatsPerEvent()),
                new TopologyTelemetry(metrics.decisions(), openTelemetry)), streamsProperties());
        metrics.watch(streams);
        streams.setStateListener((now, before) -> {
            metrics.streamsState(now.name());
            LOG.info("streams state {} -> {}", before, now);
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("a stream thread failed; replacing it (its tasks resume from the last commit)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // Leaving the group on a clean stop hands the tasks over at once, and lets an operator's
        // replay (which refuses while members are active) start without waiting for the session timeout.
        started(() -> streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10))));

        ReplyListener replies = started(new ReplyListener(config.kafkaBootstrap(), replyPartition, config.nodeId()));
        replies.start(START_TIMEOUT);
        CommandBus commands = started(new CommandBus(config.kafkaBootstrap(), config.nodeId(), replies, replyPartition,
                config.replyTimeout(), openTelemetry));
        PeerClient peers = new PeerClient(config.jwtSecret());
        LocalReads local = new LocalReads(new StoreReads(streams));
        ClusterReads reads = new ClusterReads(streams, self, local, peers);
        AvailabilityFeed feed = started(new AvailabilityFeed(config.kafkaBootstrap(), config.nodeId(),
                eventId -> reads.availability(eventId, false)));
        feed.start(START_TIMEOUT);

        WebhookSignature webhookSignature = new WebhookSignature(config.webhookSecret());
        String publicUrl = config.publicUrl().isBlank() ? baseUrl() : config.publicUrl();
        Optional<FakePaymentProvider> fakeProvider = config.fakeProvider()
                ? Optional.of(started(new FakePaymentProvider(publicUrl, webhookSignature, Clock.systemUTC())))
                : Optional.empty();
        fakeProvider.ifPresent(provider -> started(new RefundWorker(config.kafkaBootstrap(), config.applicationId() + "-refunds",
                config.nodeId(), provider)).start(START_TIMEOUT));
        app = GatewayApp.create(new GatewayApp.Parts(commands, reads, local, peers, feed,
                new HotReadCache(redis, "booking:cache:"), config.cacheTtl(),
                new HoldRateLimiter(redis, "booking:holds:", config.holdsPerMinute(), config.holdsPerMinute()),
                new TokenDenylist(redis, "booking:revoked:", Clock.systemUTC()),
                new TokenService(config.jwtSecret().getBytes(StandardCharsets.UTF_8), "event-booking", config.tokenTtl(), Clock.systemUTC()),
                new PasswordHasher(config.bcryptCost()), config.adminEmails(), config.maxSeatsPerEvent(), metrics, this::isReady,
                fakeProvider, webhookSignature, config.webhookMaxAge(), openTelemetry, config.webRoot()));
        streams.start();
        app.start(config.httpHost(), port);
        started(app::stop);
        LOG.info("node {} serving http://{}:{} (reply partition {})", config.nodeId(), config.advertisedHost(), port, replyPartition);
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    private RedisOutageListener redisOutages() {
        return new RedisOutageListener() {
            @Override
            public void unavailable(String operation, Exception cause) {
                metrics.redisUnavailable(operation);
                LOG.warn("redis unavailable ({}): serving without cache, rate limits and revocation checks fail open: {}",
                        operation, cause.toString());
            }

            @Override
            public void recovered() {
                metrics.redisRecovered();
                LOG.info("redis available again");
            }
        };
    }

    /** Streams RUNNING (state restored, partitions assigned) and the brokers answering. */
    public boolean isReady() {
        return streams != null && streams.state() == KafkaStreams.State.RUNNING && kafka.reachable();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + config.advertisedHost() + ":" + port;
    }

    /** Every HTTP route this node serves, as "METHOD /path/{param}" (static webjar files aside). */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(route -> route.endpoint.method.isHttpMethod())
                .map(route -> route.endpoint.method.name() + " " + route.endpoint.path)
                .filter(route -> !route.startsWith("HEAD ") && !route.startsWith("OPTIONS "))
                .toList();
    }

    public KafkaStreams streams() {
        return streams;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) START_TIMEOUT.toMillis());
        return props;
    }

    private Properties streamsProperties() {
        Properties props = new StreamsSettings(config.kafkaBootstrap(), config.applicationId(), config.stateDir(), config.streamThreads(),
                config.replicationFactor(), true, 64L * 1024 * 1024, config.commitIntervalMs()).toProperties();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + port);
        // Names the node in the group's member list and in its clients' metrics (default: a random process id).
        props.put(StreamsConfig.CLIENT_ID_CONFIG, config.nodeId());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        int sessionTimeoutMs = (int) config.sessionTimeout().toMillis();
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeoutMs);
        // The survivors learn of a rebalance at their next heartbeat: frequent ones (Kafka's default
        // 3 s for its default 45 s session, 600 ms for a 6 s one) keep that from adding to a failover.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), Math.min(3_000, sessionTimeoutMs / 10));
        // A crashed node's open transaction holds back every read_committed reader of what it wrote
        // (the other nodes' replies included) until the coordinator aborts it: no longer than the
        // group takes to notice the crash, and never longer than Streams' own default of 10 s.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), Math.min(sessionTimeoutMs, 10_000));
        return props;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the node", e);
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part, e.toString());
            }
        }
    }
}
