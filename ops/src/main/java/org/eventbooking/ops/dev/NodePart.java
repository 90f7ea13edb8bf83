package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventbooking.ops.process.ChildProcess;

/** One API node ({@code GatewayMain}) as a child JVM, ready once {@code /ready} answers 200 (Streams RUNNING). */
final class NodePart implements Part {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String MAIN_CLASS = "org.eventbooking.gateway.GatewayMain";

    private final ChildProcess node;
    private final String baseUrl;

    private NodePart(ChildProcess node, String baseUrl) {
        this.node = node;
        this.baseUrl = baseUrl;
    }

    /** Starts the node from the launcher's own classpath, which holds the api-gateway module. */
    static NodePart launch(String nodeId, int port, List<String> jvmOptions, Map<String, String> env, Path workDir, Path log) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        return new NodePart(ChildProcess.start(nodeId, command, env, workDir, log), "http://127.0.0.1:" + port);
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void awaitReady(Instant deadline) {
        Readiness.await(this, "ready (" + baseUrl + "/ready)", deadline,
                () -> HttpProbe.status(baseUrl + "/ready").filter(status -> status == 200).isPresent());
    }

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of(node.handle());
    }

    @Override
    public Path log() {
        return node.log();
    }

    @Override
    public void stop() {
        node.stop(Duration.ofSeconds(30));
    }
}
