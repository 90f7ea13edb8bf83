package org.eventbooking.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * After a node's crash: how long until a hold succeeds again for every event, through the node that
 * survived. The events whose tasks the dead node ran answer once the group has noticed the crash
 * and its standby took over; the others answer at once, so the slowest event is the failover time.
 */
final class FailoverProbe {

    private static final long RETRY_MS = 200;

    private final RequestGate gate;
    private final String token;
    private final List<String> sections;
    private final Map<String, List<String>> heldWith201;

    /** @param heldWith201 where its own successful holds go, to be accounted for like the crowd's */
    FailoverProbe(RequestGate gate, String token, List<String> sections, Map<String, List<String>> heldWith201) {
        this.gate = gate;
        this.token = token;
        this.sections = List.copyOf(sections);
        this.heldWith201 = heldWith201;
    }

    /** What the probe last saw before a 201, event by event (e.g. {@code 504}), to tell where the time went. */
    private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();

    /** Milliseconds from {@code crashNs} until every event answered a hold with 201; -1 when one did not within {@code timeout}. */
    long await(String survivorUrl, List<String> eventIds, long crashNs, Duration timeout) {
        lastRefusal.clear();
        ExecutorService pool = Executors.newFixedThreadPool(eventIds.size(), BenchNode.daemon("failover-probe"));
        try {
            List<CompletableFuture<Long>> recovered = new ArrayList<>();
            for (String eventId : eventIds) {
                SaleApi api = new SaleApi(gate, survivorUrl, eventId);
                recovered.add(CompletableFuture.supplyAsync(() -> firstSuccessNs(api, eventId, crashNs, crashNs + timeout.toNanos()), pool));
            }
            long slowest = 0;
            for (CompletableFuture<Long> event : recovered) {
                long at = event.join();
                if (at < 0) {
                    return -1;
                }
                slowest = Math.max(slowest, at);
            }
            return TimeUnit.NANOSECONDS.toMillis(slowest - crashNs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The last refusal each event gave before its 201 after the latest crash, with its time since the crash. */
    Map<String, String> lastRefusals() {
        return Map.copyOf(lastRefusal);
    }

    // One seat at a time, section after section (a sold-out section answers 409); -1 at the deadline.
    private long firstSuccessNs(SaleApi api, String eventId, long crashNs, long deadlineNs) {
        int attempt = 0;
        while (System.nanoTime() < deadlineNs) {
            HttpResponse<String> response = api.hold(token, sections.get(attempt++ % sections.size()), 1)
                    .exceptionally(failure -> null).join();
            long now = System.nanoTime();
            if (response != null && response.statusCode() == 201) {
                var booking = SaleApi.read(response.body());
                List<String> seats = new ArrayList<>();
                booking.get("seats").forEach(seat -> seats.add(seat.asText()));
                heldWith201.put(booking.get("bookingId").asText(), seats);
                return now;
            }
            lastRefusal.put(eventId, (response == null ? "no answer" : Integer.toString(response.statusCode())) + " at +"
                    + TimeUnit.NANOSECONDS.toMillis(now - crashNs) + " ms");
            try {
                TimeUnit.MILLISECONDS.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }
}
