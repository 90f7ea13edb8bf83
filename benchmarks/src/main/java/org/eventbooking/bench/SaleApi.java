package org.eventbooking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eventbooking.bench.flashsale.SaleChecks;
import org.eventbooking.gateway.payments.FakePaymentProvider;

/** The public API calls a customer of the sale makes, through the gate, answering raw responses. */
final class SaleApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RequestGate gate;
    private final String baseUrl;
    private final String eventId;

    SaleApi(RequestGate gate, String baseUrl, String eventId) {
        this.gate = gate;
        this.baseUrl = baseUrl;
        this.eventId = eventId;
    }

    CompletableFuture<HttpResponse<String>> hold(String token, String section, int quantity) {
        return gate.send(post(baseUrl + "/api/events/" + eventId + "/holds", token,
                "{\"section\":\"" + section + "\",\"quantity\":" + quantity + "}"));
    }

    CompletableFuture<HttpResponse<String>> requestPayment(String token, String bookingId) {
        return gate.send(post(baseUrl + "/api/bookings/" + bookingId + "/payment", token, "{}"));
    }

    /** Pays at the fake provider's checkout with the card that succeeds; the provider then calls the signed webhook. */
    CompletableFuture<HttpResponse<String>> payAtCheckout(String checkoutUrl) {
        return gate.send(post(checkoutUrl, null, "{\"card\":\"" + FakePaymentProvider.SUCCEEDING_CARD + "\"}"));
    }

    CompletableFuture<HttpResponse<String>> availability(String token) {
        return gate.send(get(baseUrl + "/api/events/" + eventId + "/availability", token));
    }

    CompletableFuture<HttpResponse<String>> myBookings(String token) {
        return gate.send(get(baseUrl + "/api/me/bookings", token));
    }

    /** Section counts from an availability response. */
    static SaleChecks.Counts counts(String availabilityJson) {
        long capacity = 0;
        long available = 0;
        long held = 0;
        long sold = 0;
        for (JsonNode section : read(availabilityJson).get("sections")) {
            capacity += section.get("total").asLong();
            available += section.get("available").asLong();
            held += section.get("held").asLong();
            sold += section.get("sold").asLong();
        }
        return new SaleChecks.Counts(capacity, available, held, sold);
    }

    /** Names of the sections with at least one available seat. */
    static List<String> sectionsWithSeats(String availabilityJson) {
        List<String> names = new ArrayList<>();
        for (JsonNode section : read(availabilityJson).get("sections")) {
            if (section.get("available").asLong() > 0) {
                names.add(section.get("name").asText());
            }
        }
        return names;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private static HttpRequest post(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
    }
}
