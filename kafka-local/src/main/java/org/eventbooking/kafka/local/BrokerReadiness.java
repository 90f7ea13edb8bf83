package org.eventbooking.kafka.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/** Waits until nodes serve clients: their port accepts, and the Admin API lists them as live. */
final class BrokerReadiness {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int REQUEST_TIMEOUT_MS = 3_000;

    private final List<BrokerNode> nodes;
    private final long deadlineNanos;
    private final Duration timeout;
    private final BooleanSupplier abandoned;

    private BrokerReadiness(List<BrokerNode> nodes, Duration timeout, BooleanSupplier abandoned) {
        this.nodes = nodes;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.abandoned = abandoned;
    }

    /**
     * Blocks until every node is live; fails fast when one exits, and on timeout names the node
     * still missing with the tail of its server.log. {@code abandoned} ends the wait on close.
     */
    static void await(List<BrokerNode> nodes, Duration timeout, BooleanSupplier abandoned) {
        new BrokerReadiness(nodes, timeout, abandoned).await();
    }

    private void await() {
        // Ports first: an Admin client pointed at closed ports logs a warning per retry.
        waitWhilePending(() -> nodes.stream().filter(n -> !n.acceptsConnections()).findFirst());
        // The port is bound before the broker has caught up with the metadata log; only the
        // Admin API tells when it is registered, unfenced and answering requests. Bootstrapping
        // from the awaited nodes alone means a restarted node must answer itself, not just
        // appear in another broker's (possibly stale) view of the cluster.
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.CLIENT_ID_CONFIG, "kafka-local-readiness"))) {
            waitWhilePending(() -> firstNotLive(admin));
        }
    }

    private String bootstrap() {
        return nodes.stream().map(n -> n.ports().clientAddress()).collect(Collectors.joining(","));
    }

    private void waitWhilePending(Supplier<Optional<BrokerNode>> pending) {
        for (Optional<BrokerNode> waiting = check(pending); waiting.isPresent(); waiting = check(pending)) {
            if (System.nanoTime() > deadlineNanos) {
                BrokerNode node = waiting.get();
                throw new LocalKafkaException("Kafka node " + node.nodeId() + " not ready within "
                        + timeout + "; tail of " + node.serverLog() + ":\n" + node.logTail());
            }
            sleep(POLL);
        }
    }

    private Optional<BrokerNode> check(Supplier<Optional<BrokerNode>> pending) {
        if (abandoned.getAsBoolean()) {
            throw new LocalKafkaException("Kafka cluster closed while waiting for it to start");
        }
        for (BrokerNode node : nodes) {
            if (!node.isRunning()) {
                throw new LocalKafkaException("Kafka node " + node.nodeId() + " exited while starting ("
                        + node.exitDescription() + "); tail of " + node.serverLog() + ":\n" + node.logTail());
            }
        }
        return pending.get();
    }

    private Optional<BrokerNode> firstNotLive(Admin admin) {
        Set<Integer> live = liveBrokerIds(admin);
        return nodes.stream().filter(n -> !live.contains(n.nodeId())).findFirst();
    }

    private static Set<Integer> liveBrokerIds(Admin admin) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(REQUEST_TIMEOUT_MS);
        try {
            return admin.describeCluster(options).nodes().get().stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (ExecutionException e) {
            return Set.of(); // not answering yet: ask again on the next poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("interrupted while waiting for Kafka", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaException("interrupted while waiting for Kafka", e);
        }
    }
}
