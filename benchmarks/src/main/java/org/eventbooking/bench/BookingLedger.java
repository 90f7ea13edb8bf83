package org.eventbooking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Every booking of a set of customers as the engine lists them ({@code GET /api/me/bookings}), by booking id. */
final class BookingLedger {

    private static final int ATTEMPTS = 30;

    private BookingLedger() {
    }

    /**
     * Asks for each customer's bookings; a listing refused while tasks move between nodes (a
     * rebalance after a fault) is asked again, for up to 30 s.
     */
    static Map<String, ChaosChecks.Booking> of(SaleApi api, List<String> tokens) throws InterruptedException {
        Map<String, ChaosChecks.Booking> bookings = new HashMap<>();
        for (List<String> batch : batches(tokens)) {
            List<CompletableFuture<HttpResponse<String>>> pages = batch.stream().map(api::myBookings).toList();
            for (int i = 0; i < batch.size(); i++) {
                read(listing(api, batch.get(i), pages.get(i)), bookings);
            }
        }
        return bookings;
    }

    private static String listing(SaleApi api, String token, CompletableFuture<HttpResponse<String>> first) throws InterruptedException {
        HttpResponse<String> response = first.exceptionally(failure -> null).join();
        for (int attempt = 1; (response == null || response.statusCode() != 200) && attempt < ATTEMPTS; attempt++) {
            TimeUnit.SECONDS.sleep(1);
            response = api.myBookings(token).exceptionally(failure -> null).join();
        }
        if (response == null || response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/me/bookings failed " + ATTEMPTS + " times, last "
                    + (response == null ? "without an answer" : response.statusCode() + " " + response.body()));
        }
        return response.body();
    }

    private static void read(String page, Map<String, ChaosChecks.Booking> into) {
        for (JsonNode booking : SaleApi.read(page).get("items")) {
            List<String> seats = new ArrayList<>();
            booking.get("seats").forEach(seat -> seats.add(seat.asText()));
            into.put(booking.get("bookingId").asText(),
                    new ChaosChecks.Booking(booking.get("eventId").asText(), booking.get("status").asText(), seats));
        }
    }

    // A few dozen listings at a time: each is a scatter-gather across the nodes' stores.
    private static List<List<String>> batches(List<String> tokens) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from += 32) {
            batches.add(tokens.subList(from, Math.min(tokens.size(), from + 32)));
        }
        return batches;
    }
}
