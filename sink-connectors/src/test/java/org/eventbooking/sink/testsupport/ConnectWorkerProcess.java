package org.eventbooking.sink.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka Connect worker ({@code ConnectStandalone} from connect-runtime) as a child JVM, with
 * the projection plugin on its {@code plugin.path} (the directory the build assembles in
 * {@code target/plugin}), REST on a free loopback port. Connectors are managed over its REST API.
 */
public final class ConnectWorkerProcess implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String CLASSPATH_RESOURCE = "connect-worker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;

    private ConnectWorkerProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a standalone worker against {@code bootstrapServers} and waits until its REST API answers. */
    public static ConnectWorkerProcess start(String bootstrapServers, Path pluginPath) {
        try {
            // Under target/, so the worker's log outlives a failed run for diagnosis and mvn clean removes it.
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "connect-it-");
            int port = freePort();
            Properties worker = new Properties();
            worker.putAll(Map.of(
                    "bootstrap.servers", bootstrapServers,
                    "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                    "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                    "offset.storage.file.filename", dir.resolve("source-offsets").toString(),
                    // Sink offsets are committed to Kafka this often; tests wait for them.
                    "offset.flush.interval.ms", "500",
                    "plugin.path", pluginPath.toAbsolutePath().toString(),
                    // The plugin declares its connector as a service: no scan of every jar (tens of seconds on a busy machine).
                    "plugin.discovery", "service_load",
                    "listeners", "http://127.0.0.1:" + port));
            Path config = dir.resolve("worker.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                worker.store(out, "Connect worker of an integration test");
            }
            Process process = new ProcessBuilder(List.of(JAVA.toString(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn",
                    "-cp", workerClasspath(), "org.apache.kafka.connect.cli.ConnectStandalone", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("connect.log").toFile())
                    .start();
            ConnectWorkerProcess started = new ConnectWorkerProcess(dir, port, process);
            started.awaitRest();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Connect worker", e);
        }
    }

    /** The worker's REST URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return dir.resolve("connect.log");
    }

    /** Creates or updates a connector; returns the response body. */
    public JsonNode putConnector(String name, Map<String, String> config) {
        return call("PUT", "/connectors/" + name + "/config", config);
    }

    /** {@code GET /connectors/{name}/status}: the connector's and each task's state (and trace when FAILED). */
    public JsonNode status(String name) {
        return call("GET", "/connectors/" + name + "/status", null);
    }

    public JsonNode offsets(String name) {
        return call("GET", "/connectors/" + name + "/offsets", null);
    }

    /** PUT /stop, DELETE /offsets (only allowed on a STOPPED connector), PUT /resume: a replay from the start. */
    public void stop(String name) {
        call("PUT", "/connectors/" + name + "/stop", null);
    }

    public void deleteOffsets(String name) {
        call("DELETE", "/connectors/" + name + "/offsets", null);
    }

    public void alterOffsets(String name, Object offsets) {
        call("PATCH", "/connectors/" + name + "/offsets", offsets);
    }

    public void resume(String name) {
        call("PUT", "/connectors/" + name + "/resume", null);
    }

    /** Whether the connector and every task report RUNNING (and there is at least one task). */
    public boolean isRunning(String name) {
        JsonNode status = status(name);
        if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
            return false;
        }
        JsonNode tasks = status.path("tasks");
        if (tasks.isEmpty()) {
            return false;
        }
        for (JsonNode task : tasks) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    public String connectorState(String name) {
        return status(name).path("connector").path("state").asText();
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, publisher).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitRest() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Connect worker exited (" + process.exitValue() + "); log:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/connector-plugins")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the REST server is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the worker starts", e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the Connect worker's REST API did not answer within " + START_TIMEOUT
                + "; log:\n" + tail());
    }

    /** The end of the worker's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String workerClasspath() throws IOException {
        try (InputStream in = ConnectWorkerProcess.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " not on the test classpath: build with Maven"
                        + " (mvn -pl sink-connectors verify writes it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
