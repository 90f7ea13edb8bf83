package org.eventbooking.ops.dev;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /**
     * Starts the node from the api-gateway module's own classpath, as {@code ./booking node} does:
     * the launcher's classpath also holds Connect's and the admin tools' libraries, whose older
     * Jetty jars would shadow the node's.
     */
    static NodePart launch(String nodeId, int port, List<String> jvmOptions, Map<String, String> env, Path repoRoot, Path log) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", gatewayClasspath(repoRoot), MAIN_CLASS));
        return new NodePart(ChildProcess.start(nodeId, command, env, repoRoot, log), "http://127.0.0.1:" + port);
    }

    private static String gatewayClasspath(Path repoRoot) {
        Path module = repoRoot.resolve("api-gateway/target");
        try {
            return module.resolve("classes") + File.pathSeparator + Files.readString(module.resolve("runtime.classpath")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("api-gateway is not built (" + e.getMessage() + "): run ./booking build", e);
        }
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

    /** SIGKILL, like {@code kill -9}: no shutdown hook, no clean leave of the Streams group. */
    void kill() {
        node.kill();
    }

    @Override
    public void stop() {
        node.stop(Duration.ofSeconds(30));
    }
}
