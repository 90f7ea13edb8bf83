package org.eventbooking.gateway.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.topology.StoreReads;

/** Reads of this node's own stores, shaped as the API and the internal routes need them. */
public final class LocalReads {

    private static final long LONG_POLL_STEP_MS = 25;

    private final StoreReads stores;

    public LocalReads(StoreReads stores) {
        this.stores = stores;
    }

    public Optional<EventInfo> event(String eventId) {
        return stores.event(eventId);
    }

    public List<EventInfo> events(String afterId, int limit) {
        return stores.events(afterId, limit);
    }

    public Optional<Availability> availability(String eventId, boolean withSeats) {
        return stores.event(eventId).map(event ->
                new Availability(eventId, stores.availability(event), withSeats ? stores.seats(event) : null));
    }

    public Optional<Booking> booking(String eventId, String bookingId) {
        return stores.booking(eventId, bookingId);
    }

    /**
     * The booking once it differs from how it was when asked, or as it is after {@code wait}. Polls
     * the store on a timer rather than holding a thread per waiting request.
     */
    public CompletableFuture<Optional<Booking>> bookingChange(String eventId, String bookingId, Duration wait) {
        Optional<Booking> initial = booking(eventId, bookingId);
        if (wait.isZero() || initial.isEmpty()) {
            return CompletableFuture.completedFuture(initial);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        return pollForChange(eventId, bookingId, initial, deadline);
    }

    private CompletableFuture<Optional<Booking>> pollForChange(String eventId, String bookingId, Optional<Booking> initial, long deadline) {
        Executor later = CompletableFuture.delayedExecutor(LONG_POLL_STEP_MS, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> booking(eventId, bookingId), later).thenCompose(now -> {
            if (!Objects.equals(now, initial) || System.nanoTime() >= deadline) {
                return CompletableFuture.completedFuture(now);
            }
            return pollForChange(eventId, bookingId, initial, deadline);
        });
    }

    public Optional<UserAccount> account(String email) {
        return stores.account(email);
    }

    public List<Booking> userBookings(String userId) {
        return stores.userBookings(userId);
    }
}
