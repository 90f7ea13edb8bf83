package org.eventbooking.ops.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** GET requests for readiness checks: an answer, or nothing while the server does not answer yet. */
final class HttpProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpProbe() {
    }

    /** The status code, or empty when nothing answers. */
    static Optional<Integer> status(String url) {
        return get(url).map(HttpResponse::statusCode);
    }

    /** The body of a 200 answer as JSON, or empty when there is none (yet). */
    static Optional<JsonNode> json(String url) {
        return get(url).filter(response -> response.statusCode() == 200).map(response -> {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(url + " answered with something that is not JSON: " + response.body(), e);
            }
        });
    }

    private static Optional<HttpResponse<String>> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notAnswering) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Supervisor.StoppingException();
        }
    }
}
