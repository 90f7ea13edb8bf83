package org.eventbooking.ops.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eventbooking.ops.process.ChildProcess;

/**
 * The Connect worker with the PostgreSQL projection sink, run as {@code ./booking connect} (which
 * owns the worker configuration), and ready once the connector and all its tasks are RUNNING.
 */
final class ConnectPart implements Part {

    static final Path CONNECTOR_CONFIG = Path.of("sink-connectors", "config", "projection-sink.properties");

    private final ChildProcess worker;
    private final String statusUrl;

    private ConnectPart(ChildProcess worker, String statusUrl) {
        this.worker = worker;
        this.statusUrl = statusUrl;
    }

    static ConnectPart launch(Path repoRoot, Path dir, int port, String kafkaBootstrap, String postgresUrl) {
        Map<String, String> env = Map.of(
                "BOOKING_KAFKA_BOOTSTRAP", kafkaBootstrap,
                "BOOKING_POSTGRES_URL", postgresUrl,
                "BOOKING_CONNECT_PORT", Integer.toString(port),
                "BOOKING_CONNECT_DATA_DIR", dir.toString(),
                // The launcher's script built it already; a build here would race the one that runs this.
                "BOOKING_SKIP_BUILD", "true");
        ChildProcess worker = ChildProcess.start("Connect", List.of(repoRoot.resolve("booking").toString(), "connect"),
                env, repoRoot, dir.resolve("connect.log"));
        String connector = connectorName(repoRoot.resolve(CONNECTOR_CONFIG));
        return new ConnectPart(worker, "http://127.0.0.1:" + port + "/connectors/" + connector + "/status");
    }

    @Override
    public void awaitReady(Instant deadline) {
        Readiness.await(this, "RUNNING (" + statusUrl + ")", deadline,
                () -> HttpProbe.json(statusUrl).map(ConnectPart::allRunning).orElse(false));
    }

    /** The connector and each of its tasks (at least one) report RUNNING. */
    static boolean allRunning(JsonNode status) {
        JsonNode tasks = status.path("tasks");
        boolean tasksRunning = !tasks.isEmpty();
        for (JsonNode task : tasks) {
            tasksRunning &= "RUNNING".equals(task.path("state").asText());
        }
        return tasksRunning && "RUNNING".equals(status.path("connector").path("state").asText());
    }

    @Override
    public String name() {
        return "Connect";
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of(worker.handle());
    }

    @Override
    public Path log() {
        return worker.log();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(30));
    }

    static String connectorName(Path config) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(config)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connector config " + config, e);
        }
        return properties.getProperty("name");
    }
}
