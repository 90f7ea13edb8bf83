package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.EventRules;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.gateway.auth.Principal;
import org.eventbooking.gateway.auth.Role;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.command.CommandIds;
import org.eventbooking.gateway.command.ReplyTimeoutException;
import org.eventbooking.gateway.http.api.BookingView;
import org.eventbooking.gateway.http.api.Page;
import org.eventbooking.gateway.http.api.Requests;
import org.eventbooking.gateway.metrics.GatewayMetrics;
import org.eventbooking.gateway.payments.PaymentProvider;
import org.eventbooking.gateway.query.ClusterReads;
import org.eventbooking.gateway.query.ReadYourWrite;
import org.eventbooking.gateway.redis.HoldRateLimiter;
import org.eventbooking.topology.CommandReply;

/** Holds, the bookings they make, and giving them back. */
final class BookingRoutes {

    private static final int MAX_WAIT_MS = 30_000;

    private final CommandBus commands;
    private final ClusterReads reads;
    private final Authenticator auth;
    private final HoldRateLimiter limiter;
    private final GatewayMetrics metrics;
    private final Optional<PaymentProvider> payments;

    BookingRoutes(CommandBus commands, ClusterReads reads, Authenticator auth, HoldRateLimiter limiter, GatewayMetrics metrics,
                  Optional<PaymentProvider> payments) {
        this.commands = commands;
        this.reads = reads;
        this.auth = auth;
        this.limiter = limiter;
        this.metrics = metrics;
        this.payments = payments;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/events/{eventId}/holds", this::hold);
        routes.get("/api/bookings/{bookingId}", this::get);
        routes.get("/api/me/bookings", this::mine);
        routes.delete("/api/bookings/{bookingId}", this::giveBack);
        routes.post("/api/bookings/{bookingId}/payment", this::pay);
    }

    /** Records the intent in the engine first (one intent wins), then opens the provider's checkout. */
    private void pay(Context ctx) {
        Principal owner = auth.require(ctx, Role.CUSTOMER);
        PaymentProvider provider = payments.orElseThrow(() -> ApiException.unavailable(
                "no payment provider is configured on this node (development: BOOKING_FAKE_PROVIDER=true)", 60));
        String bookingId = ctx.pathParam("bookingId");
        String eventId = eventOf(bookingId);
        String paymentId = "pay_" + CommandIds.random();
        RequestPayment command = new RequestPayment("pay-" + paymentId, owner.userId(), eventId, bookingId, paymentId);
        ctx.future(() -> visible(owner, eventId, bookingId)
                .thenCompose(booking -> commands.send(command, Traces.traceparent(ctx)))
                .thenAccept(reply -> {
                    if (!reply.isAccepted()) {
                        throw Rejections.toProblem(reply.rejection());
                    }
                    Booking booking = reply.booking();
                    String checkoutUrl = provider.checkout(paymentId, bookingId, booking.totalCents(), booking.currency());
                    Responses.json(ctx, 201, Map.of("paymentId", paymentId, "status", "PENDING", "checkoutUrl", checkoutUrl));
                })
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void hold(Context ctx) {
        // Revocation is checked with the rate limit below: one Redis round trip per hold instead of two.
        Principal customer = auth.verify(ctx, Role.CUSTOMER);
        String eventId = EventRoutes.eventId(ctx);
        Optional<String> idempotencyKey = Headers.idempotencyKey(ctx);
        Requests.Hold body = JsonBodies.read(ctx, Requests.Hold.class);
        validate(body);
        HoldRateLimiter.Decision allowance = limiter.tryAcquire(customer.userId(), auth.denylistKey(customer));
        if (allowance.revoked()) {
            throw Authenticator.revoked();
        }
        if (!allowance.allowed()) {
            metrics.holdOutcome("rate_limited");
            long seconds = Math.max(1, (allowance.retryAfter().toMillis() + 999) / 1000);
            throw new ApiException(429, "too-many-holds", "Too many hold attempts",
                    "this account may try " + "holds at a limited rate: retry after " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        CommandIds.HoldIds ids = CommandIds.forHold(customer.userId(), eventId, idempotencyKey);
        BookingCommand command = body.seats() != null
                ? new HoldSeats(ids.commandId(), customer.userId(), eventId, ids.bookingId(), body.seats())
                : new HoldBestAvailable(ids.commandId(), customer.userId(), eventId, ids.bookingId(), body.section(), body.quantity());
        long sentAt = System.nanoTime();
        ctx.future(() -> commands.send(command, Traces.traceparent(ctx)).thenAccept(reply -> {
            metrics.commandReply(System.nanoTime() - sentAt);
            metrics.holdOutcome(outcome(reply));
            answer(ctx, reply, 201);
        }).exceptionally(failure -> {
            metrics.holdOutcome(failure.getCause() instanceof ReplyTimeoutException ? "timeout" : "error");
            return Commands.fail(ctx, failure);
        }));
    }

    private static String outcome(CommandReply reply) {
        if (reply.isAccepted()) {
            return "held";
        }
        return switch (reply.rejection().reason()) {
            case SEATS_UNAVAILABLE -> "unavailable";
            default -> "rejected";
        };
    }

    private static void validate(Requests.Hold body) {
        FieldErrors errors = new FieldErrors();
        boolean bySeats = body.seats() != null;
        boolean bySection = body.section() != null || body.quantity() != null;
        errors.require(bySeats != bySection, "seats", "send either seats, or section and quantity");
        if (bySeats) {
            errors.require(!body.seats().isEmpty() && body.seats().size() <= EventRules.MAX_SEATS_PER_BOOKING, "seats",
                    "1 to " + EventRules.MAX_SEATS_PER_BOOKING + " seat ids such as FLOOR-3-12");
            for (int i = 0; i < body.seats().size(); i++) {
                String seat = body.seats().get(i);
                errors.require(seat != null && SeatId.parse(seat).isPresent(), "seats[" + i + "]",
                        "a seat id <section>-<row>-<seat> such as FLOOR-3-12");
            }
            errors.require(new HashSet<>(body.seats()).size() == body.seats().size(), "seats", "each seat at most once");
        } else if (bySection) {
            errors.require(body.section() != null && body.section().matches(SeatId.SECTION_NAME_PATTERN), "section",
                    "required with quantity: a section name");
            errors.require(body.quantity() != null && body.quantity() >= 1 && body.quantity() <= EventRules.MAX_SEATS_PER_BOOKING,
                    "quantity", "required with section: 1 to " + EventRules.MAX_SEATS_PER_BOOKING);
        }
        errors.throwIfAny();
    }

    private void get(Context ctx) {
        Principal caller = auth.require(ctx);
        String bookingId = ctx.pathParam("bookingId");
        Duration wait = Duration.ofMillis(Headers.intQuery(ctx, "waitMs", 0, 0, MAX_WAIT_MS));
        String eventId = eventOf(bookingId);
        // Ownership is checked before waiting: nobody long-polls someone else's booking.
        ctx.future(() -> visible(caller, eventId, bookingId)
                .thenCompose(now -> wait.isZero() ? CompletableFuture.completedFuture(Optional.of(now))
                        : reads.booking(eventId, bookingId, wait))
                .thenAccept(booking -> Responses.json(ctx, 200, BookingView.of(booking.orElseThrow(() -> unknownBooking(bookingId)))))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void mine(Context ctx) {
        Principal caller = auth.require(ctx);
        ctx.future(() -> reads.userBookings(caller.userId()).thenAccept(bookings -> Responses.json(ctx, 200,
                new Page<>(bookings.stream()
                        .sorted(Comparator.comparing(Booking::createdAt).reversed())
                        .map(BookingView::of).toList(), null)))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void giveBack(Context ctx) {
        Principal caller = auth.require(ctx);
        String bookingId = ctx.pathParam("bookingId");
        String eventId = eventOf(bookingId);
        ctx.future(() -> visible(caller, eventId, bookingId)
                .thenCompose(booking -> commands.send(giveBackCommand(caller, booking), Traces.traceparent(ctx)))
                .thenAccept(reply -> answer(ctx, reply, 200))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    /** A held booking is released, a confirmed one cancelled; anything else cannot be given back. */
    private static BookingCommand giveBackCommand(Principal caller, Booking booking) {
        boolean byAdmin = !booking.userId().equals(caller.userId());
        String commandId = "give-back-" + CommandIds.random();
        if (booking.status() == BookingStatus.CONFIRMED) {
            return new CancelBooking(commandId, caller.userId(), booking.eventId(), booking.bookingId(), byAdmin);
        }
        if (booking.status().isHolding()) {
            return new ReleaseHold(commandId, caller.userId(), booking.eventId(), booking.bookingId(), byAdmin);
        }
        throw ApiException.conflict("booking-not-active", "Booking not active",
                "booking " + booking.bookingId() + " is " + booking.status() + ": only held or confirmed bookings can be given back");
    }

    /** The booking when the caller may see it: its owner or an admin. To anyone else it does not exist. */
    /** The caller's booking; one held a moment ago is waited for (its 201 can come before the store shows it). */
    private CompletableFuture<Booking> visible(Principal caller, String eventId, String bookingId) {
        return ReadYourWrite.await(() -> reads.booking(eventId, bookingId, Duration.ZERO)).thenApply(found -> found
                .filter(booking -> caller.isAdmin() || booking.userId().equals(caller.userId()))
                .orElseThrow(() -> unknownBooking(bookingId)));
    }

    private static String eventOf(String bookingId) {
        if (!EventRoutes.ID.matcher(bookingId).matches()) {
            throw unknownBooking(bookingId);
        }
        return CommandIds.eventOfBooking(bookingId).orElseThrow(() -> unknownBooking(bookingId));
    }

    private static ApiException unknownBooking(String bookingId) {
        return ApiException.notFound("no booking " + bookingId + " of yours: GET /api/me/bookings lists them");
    }

    private static void answer(Context ctx, CommandReply reply, int status) {
        if (!reply.isAccepted()) {
            throw Rejections.toProblem(reply.rejection());
        }
        Responses.json(ctx, status, BookingView.of(reply.booking()));
    }
}
