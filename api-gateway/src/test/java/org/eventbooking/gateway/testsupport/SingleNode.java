package org.eventbooking.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.eventbooking.gateway.GatewayNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ready node against a real broker and redis-server for a whole test class:
 * {@code @RegisterExtension static final SingleNode NODE = SingleNode.named("flow-1");} and
 * {@code static final Api api = NODE.api();}. It starts before the class's own {@code @BeforeAll}
 * methods and stops after its {@code @AfterAll} ones.
 */
public final class SingleNode implements BeforeAllCallback, AfterAllCallback {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Function<Platform, GatewayNode> starter;
    private final Api api = new Api(() -> node().baseUrl());
    private Platform platform;
    private GatewayNode node;

    private SingleNode(Function<Platform, GatewayNode> starter) {
        this.starter = starter;
    }

    public static SingleNode named(String nodeId) {
        return withSettings(nodeId, Map.of());
    }

    /** {@code overrides} are BOOKING_* variables on top of {@link Platform}'s test settings. */
    public static SingleNode withSettings(String nodeId, Map<String, String> overrides) {
        return new SingleNode(platform -> platform.node(nodeId, overrides));
    }

    public static SingleNode tracedBy(String nodeId, OpenTelemetry openTelemetry) {
        return new SingleNode(platform -> platform.node(nodeId, openTelemetry));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform = Platform.start();
        node = starter.apply(platform);
        await("node ready").atMost(READY_TIMEOUT).until(() -> api.get("/ready", null).status() == 200);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (node != null) {
            node.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    public Platform platform() {
        return platform;
    }

    public GatewayNode node() {
        if (node == null) {
            throw new IllegalStateException("the node starts before the test class's @BeforeAll methods: register SingleNode"
                    + " with @RegisterExtension on a static field");
        }
        return node;
    }

    /** The node's API; usable in a static initialiser, it reaches the node once started. */
    public Api api() {
        return api;
    }
}
