package org.eventbooking.ops.dev;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The dev platform for a program rather than a terminal (a system test): started with the settings
 * given, its parts crashed and restarted one at a time on request, everything stopped by
 * {@link #close()}. {@code ./booking dev} is the same platform run until Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The shortest group session (BOOKING_SESSION_TIMEOUT_MS) a node may ask of the local brokers. */
    public static final int MIN_SESSION_TIMEOUT_MS = 4000;

    private final DevSettings settings;
    private final Supervisor supervisor;
    private final DevPlatform platform;
    private final String gatewayUrl;
    private final String postgresUrl;
    private final String kafkaBootstrap;

    private LocalPlatform(DevSettings settings, Supervisor supervisor, DevPlatform platform, ReadyLine ready) {
        this.settings = settings;
        this.supervisor = supervisor;
        this.platform = platform;
        this.gatewayUrl = ready.gatewayUrl();
        this.postgresUrl = ready.postgresJdbcUrl();
        this.kafkaBootstrap = ready.kafkaBootstrap();
    }

    /**
     * Starts every part on an emptied data dir and returns once all serve; stops what it started
     * when one fails. {@code progress} gets the steps, {@code errors} a part that exits on its own.
     */
    public static LocalPlatform start(DevSettings settings, Duration timeout, PrintStream progress, PrintStream errors) {
        DataDir dataDir = DataDir.acquire(settings.dataDir());
        dataDir.wipe();
        Supervisor supervisor = new Supervisor(progress, errors);
        DevPlatform platform = new DevPlatform(settings, dataDir, supervisor, progress);
        try {
            return new LocalPlatform(settings, supervisor, platform, platform.start(timeout));
        } catch (RuntimeException e) {
            supervisor.stopAll();
            throw e;
        }
    }

    /** Node 1's base URL. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String nodeUrl(int node) {
        return "http://127.0.0.1:" + settings.httpPort(node);
    }

    /** Node {@code node}'s id (BOOKING_NODE_ID), which also names its Streams client. */
    public String nodeId(int node) {
        return settings.nodeId(node);
    }

    public String postgresUrl() {
        return postgresUrl;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String connectUrl() {
        return "http://127.0.0.1:" + settings.connectPort();
    }

    /** The projection sink's name in the Connect worker. */
    public String connectorName() {
        return ConnectPart.connectorName(settings.repoRoot().resolve(ConnectPart.CONNECTOR_CONFIG));
    }

    /** Kills node {@code node} (1..N) with SIGKILL. */
    public void killNode(int node) {
        platform.killNode(node);
    }

    /** Starts a killed node again, same port and state dir; returns once it is ready. */
    public void restartNode(int node, Duration timeout) {
        platform.restartNode(node, Instant.now().plus(timeout));
    }

    /** Stops every node cleanly; the servers keep running. */
    public void stopNodes() {
        platform.stopNodes();
    }

    /** Kills broker {@code broker} (1..N) with SIGKILL. */
    public void killBroker(int broker) {
        platform.killBroker(broker);
    }

    /** Starts a killed broker again, same ports and data; returns once it serves clients. */
    public void restartBroker(int broker) {
        platform.restartBroker(broker);
    }

    /** Stops PostgreSQL and starts it again. */
    public void restartPostgres() {
        platform.restartPostgres();
    }

    public void stopRedis() {
        platform.stopRedis();
    }

    public void startRedis() {
        platform.resumeRedis();
    }

    /** Stops everything, newest first. */
    @Override
    public void close() {
        supervisor.stopAll();
    }
}
