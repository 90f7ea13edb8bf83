package org.eventbooking.ops.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few calls of Kafka Connect's REST API a projection replay needs (KIP-875 offsets included). */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String connector;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String baseUrl, String connector) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connector = connector;
    }

    /** The connector's state: RUNNING, PAUSED, STOPPED, FAILED, ... */
    public String state() {
        return call("GET", "/status").path("connector").path("state").asText();
    }

    /** Whether the connector and all its tasks (at least one) run. */
    public boolean running() {
        JsonNode status = call("GET", "/status");
        JsonNode tasks = status.path("tasks");
        boolean tasksRunning = !tasks.isEmpty();
        for (JsonNode task : tasks) {
            tasksRunning &= "RUNNING".equals(task.path("state").asText());
        }
        return "RUNNING".equals(status.path("connector").path("state").asText()) && tasksRunning;
    }

    /** The topics the sink reads, from its configuration. */
    public String[] topics() {
        return call("GET", "/config").path("topics").asText().split("\\s*,\\s*");
    }

    public void stop() {
        call("PUT", "/stop");
    }

    /** Forgets the sink's offsets: after resume it reads every topic from the start. Only on a STOPPED connector. */
    public void deleteOffsets() {
        call("DELETE", "/offsets");
    }

    public void resume() {
        call("PUT", "/resume");
    }

    private JsonNode call(String method, String path) {
        String url = baseUrl + "/connectors/" + connector + path;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OperatorException("cannot reach Kafka Connect at " + baseUrl + " (" + e + "): start the worker"
                    + " (./booking connect, ./booking dev) or point --connect-url / BOOKING_CONNECT_URL at it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted during " + method + " " + url, e);
        }
        if (response.statusCode() == 404) {
            throw new OperatorException("Kafka Connect at " + baseUrl + " has no connector '" + connector
                    + "': name it with --connector (GET " + baseUrl + "/connectors lists them)");
        }
        if (response.statusCode() >= 300) {
            throw new OperatorException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new OperatorException(method + " " + url + " answered something that is not JSON: " + response.body(), e);
        }
    }
}
