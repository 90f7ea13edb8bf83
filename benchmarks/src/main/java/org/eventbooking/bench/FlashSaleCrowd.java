package org.eventbooking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Virtual customers who all arrive when the sale opens and keep buying until it is sold out: each
 * purchase holds 1–4 best-available seats in a random section, then either walks away (the hold
 * expires) or asks for payment, pays at the provider's checkout and moves on. A refused hold sends
 * the customer to another section, then to single seats, then to wait for expired holds. Each
 * request's latency runs from when the customer meant to send it (open model), so queueing in
 * front of a saturated node counts.
 */
final class FlashSaleCrowd {

    private static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(5);
    private static final long RETRY_NS = TimeUnit.SECONDS.toNanos(1);

    /** What the crowd saw, by request kind, and the bookings it paid for. */
    static final class Tally {
        final Histogram holdUs = new ConcurrentHistogram(MAX_LATENCY_US, 3);
        final Histogram paymentUs = new ConcurrentHistogram(MAX_LATENCY_US, 3);
        final Histogram checkoutUs = new ConcurrentHistogram(MAX_LATENCY_US, 3);
        final LongAdder held = new LongAdder();
        final LongAdder seatsHeld = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder abandoned = new LongAdder();
        final LongAdder paid = new LongAdder();
        final LongAdder paymentRefused = new LongAdder();
        final LongAdder availabilityChecks = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        /** Every hold answered 201: booking id to its seats. */
        final Map<String, List<String>> heldBookings = new ConcurrentHashMap<>();
        /** Bookings paid at checkout: the engine confirms them when the webhook arrives in time. */
        final Map<String, List<String>> paidBookings = new ConcurrentHashMap<>();

        void error(String kind) {
            errors.increment();
            errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    private final SaleApi api;
    private final List<String> sections;
    private final List<String> tokens;
    private final int abandonPercent;
    private final long pauseNs;
    private final Timeline timeline;
    private final Tally tally = new Tally();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "flash-sale-customers");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean soldOut;

    FlashSaleCrowd(SaleApi api, List<String> sections, List<String> tokens, int abandonPercent, Timeline timeline) {
        this(api, sections, tokens, abandonPercent, Duration.ZERO, timeline);
    }

    /** @param pause how long a customer waits after a purchase (paid or walked away from) before the next one */
    FlashSaleCrowd(SaleApi api, List<String> sections, List<String> tokens, int abandonPercent, Duration pause, Timeline timeline) {
        this.api = api;
        this.sections = List.copyOf(sections);
        this.tokens = List.copyOf(tokens);
        this.abandonPercent = abandonPercent;
        this.pauseNs = pause.toNanos();
        this.timeline = timeline;
    }

    /** Every customer arrives at {@code openNs}. */
    void open(long openNs) {
        for (int i = 0; i < tokens.size(); i++) {
            active.incrementAndGet();
            new Customer(tokens.get(i), new SplittableRandom(i)).startPurchase(openNs);
        }
    }

    /** Customers stop at their next step; their requests on the wire still finish. */
    void soldOut() {
        soldOut = true;
    }

    /** Customers still buying or with a request on the wire. */
    int active() {
        return active.get();
    }

    Tally tally() {
        return tally;
    }

    void close() {
        scheduler.shutdownNow();
    }

    private final class Customer {
        private final String token;
        private final SplittableRandom random;
        private final Set<String> refusedSections = new HashSet<>();
        private int quantity;

        Customer(String token, SplittableRandom random) {
            this.token = token;
            this.random = random;
        }

        void startPurchase(long dueNs) {
            synchronized (this) {
                quantity = 1 + random.nextInt(4);
                refusedSections.clear();
            }
            at(dueNs, this::hold);
        }

        private void hold(long dueNs) {
            String section;
            synchronized (this) {
                List<String> open = new ArrayList<>(sections);
                open.removeAll(refusedSections);
                section = open.get(random.nextInt(open.size()));
            }
            api.hold(token, section, quantity).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                if (failure != null) {
                    retryLater(now, "hold " + failure.getClass().getSimpleName(), this::hold);
                    return;
                }
                record(tally.holdUs, dueNs, now);
                switch (response.statusCode()) {
                    case 201 -> held(now, dueNs, SaleApi.read(response.body()));
                    case 409 -> refused(now, section);
                    default -> retryLater(now, "hold " + response.statusCode(), this::hold);
                }
            });
        }

        private void held(long now, long dueNs, JsonNode booking) {
            tally.held.increment();
            tally.seatsHeld.add(booking.get("seats").size());
            timeline.completed(now, now - dueNs);
            List<String> seats = new ArrayList<>();
            booking.get("seats").forEach(seat -> seats.add(seat.asText()));
            String bookingId = booking.get("bookingId").asText();
            tally.heldBookings.put(bookingId, seats);
            if (random(100) < abandonPercent) {
                tally.abandoned.increment();
                startPurchase(now + pauseNs);
                return;
            }
            api.requestPayment(token, bookingId).whenComplete((response, failure) -> {
                long paidAt = System.nanoTime();
                if (failure != null || response.statusCode() != 201) {
                    paymentFailed(paidAt, failure, response);
                    return;
                }
                record(tally.paymentUs, now, paidAt);
                checkout(paidAt, bookingId, seats, SaleApi.read(response.body()).get("checkoutUrl").asText());
            });
        }

        private void checkout(long dueNs, String bookingId, List<String> seats, String checkoutUrl) {
            api.payAtCheckout(checkoutUrl).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                if (failure != null || response.statusCode() != 200) {
                    paymentFailed(now, failure, response);
                    return;
                }
                record(tally.checkoutUs, dueNs, now);
                tally.paid.increment();
                tally.paidBookings.put(bookingId, seats);
                startPurchase(now + pauseNs);
            });
        }

        /** A hold that expired before its payment (a slow node under a crowd) is refused: buy again. */
        private void paymentFailed(long now, Throwable failure, HttpResponse<String> response) {
            if (failure != null) {
                tally.error("payment " + failure.getClass().getSimpleName());
            } else if (response.statusCode() == 409 || response.statusCode() == 422) {
                tally.paymentRefused.increment();
            } else {
                tally.error("payment " + response.statusCode());
            }
            startPurchase(now + pauseNs);
        }

        private void refused(long now, String section) {
            tally.refused.increment();
            boolean everySectionRefused;
            synchronized (this) {
                refusedSections.add(section);
                everySectionRefused = refusedSections.size() == sections.size();
                if (everySectionRefused && quantity > 1) {
                    quantity = 1;
                    refusedSections.clear();
                    everySectionRefused = false;
                }
            }
            if (everySectionRefused) {
                at(now + waitForExpiriesNs(), this::checkAvailability);
            } else {
                at(now, this::hold);
            }
        }

        /** Nothing left to hold right now: look again later, when abandoned holds may have expired. */
        private void checkAvailability(long dueNs) {
            api.availability(token).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                tally.availabilityChecks.increment();
                if (failure != null || response.statusCode() != 200) {
                    retryLater(now, "availability", this::checkAvailability);
                    return;
                }
                List<String> withSeats = SaleApi.sectionsWithSeats(response.body());
                if (withSeats.isEmpty()) {
                    at(now + waitForExpiriesNs(), this::checkAvailability);
                    return;
                }
                synchronized (this) {
                    refusedSections.clear();
                    refusedSections.addAll(sections);
                    refusedSections.removeAll(withSeats);
                }
                at(now, this::hold);
            });
        }

        private void retryLater(long now, String error, Consumer<Long> step) {
            tally.error(error);
            at(now + RETRY_NS, step);
        }

        /** Runs the step at its due time, unless the sale is over. */
        private void at(long dueNs, Consumer<Long> step) {
            if (soldOut) {
                active.decrementAndGet();
                return;
            }
            long delay = Math.max(0, dueNs - System.nanoTime());
            scheduler.schedule(() -> {
                if (soldOut) {
                    active.decrementAndGet();
                } else {
                    step.accept(dueNs);
                }
            }, delay, TimeUnit.NANOSECONDS);
        }

        // Spread the waiting crowd's looks over 5-15 s, so it does not poll the node in lockstep.
        private long waitForExpiriesNs() {
            return TimeUnit.MILLISECONDS.toNanos(5_000 + random(10_000));
        }

        private synchronized int random(int bound) {
            return random.nextInt(bound);
        }
    }

    private static void record(Histogram histogram, long dueNs, long now) {
        histogram.recordValue(Math.max(0, Math.min(MAX_LATENCY_US, (now - dueNs) / 1000)));
    }
}
