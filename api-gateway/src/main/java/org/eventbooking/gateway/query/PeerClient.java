package org.eventbooking.gateway.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.eventbooking.gateway.http.ApiException;

/**
 * Asks the node that owns a key for its local state over the internal HTTP routes. Nodes prove to
 * each other that they belong to the cluster with a token derived from the shared JWT secret.
 */
public final class PeerClient {

    public static final String INTERNAL_TOKEN_HEADER = "X-Booking-Internal";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String internalToken;

    public PeerClient(String sharedSecret) {
        this.internalToken = internalToken(sharedSecret);
    }

    /** The body of a 200, empty for a 404; the peer being unreachable or failing is a 503. */
    public CompletableFuture<Optional<byte[]>> get(HostInfo peer, String pathAndQuery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(timeout)
                .header(INTERNAL_TOKEN_HEADER, internalToken)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw ApiException.unavailable("the node owning this data (" + peer + ") did not answer: retry shortly", 1);
                    }
                    return switch (response.statusCode()) {
                        case 200 -> Optional.of(response.body());
                        case 404 -> Optional.<byte[]>empty();
                        default -> throw ApiException.unavailable("the node owning this data (" + peer + ") answered "
                                + response.statusCode() + ": retry shortly", 1);
                    };
                });
    }

    public boolean isInternal(String presentedToken) {
        return presentedToken != null && MessageDigest.isEqual(
                internalToken.getBytes(StandardCharsets.UTF_8), presentedToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String internalToken(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(("booking-internal:" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
