package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RecordRefund;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.command.CommandIds;
import org.eventbooking.gateway.payments.WebhookEvent;
import org.eventbooking.gateway.payments.WebhookSignature;
import org.eventbooking.serde.Json;
import org.eventbooking.serde.MalformedRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's webhook: a delivery counts only with a valid signature over the raw body and
 * when it is recent; it becomes a command whose id derives from the payment and outcome, so a
 * redelivery is answered from the engine's idempotency window and changes nothing. {@code 204}
 * once the outcome is committed; anything else makes the provider deliver again.
 */
final class WebhookRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    private static final String PROVIDER = "payments";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final CommandBus commands;
    private final WebhookSignature signature;
    private final Duration maxAge;
    private final Clock clock;

    WebhookRoutes(CommandBus commands, WebhookSignature signature, Duration maxAge, Clock clock) {
        this.commands = commands;
        this.signature = signature;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/payments/webhook", this::deliver);
    }

    private void deliver(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (!signature.verifies(ctx.header(WebhookSignature.HEADER), body)) {
            throw ApiException.unauthorized("bad or missing X-Signature: sha256=<hex HMAC-SHA256 of the body>");
        }
        WebhookEvent event = parse(body);
        Instant now = clock.instant();
        if (event.createdAt().isBefore(now.minus(maxAge)) || event.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badRequest("stale delivery " + event.id() + " created at " + event.createdAt()
                    + ": deliveries older than " + maxAge.toSeconds() + " s are refused");
        }
        BookingCommand command = toCommand(event);
        ctx.future(() -> commands.send(command, Traces.traceparent(ctx)).thenAccept(reply -> {
            if (!reply.isAccepted()) {
                // Signed by the provider but about nothing we know: taking it stops redelivery; the log line tells.
                LOG.warn("webhook {} {} for payment {} changed nothing: {}", event.id(), event.type(), event.data().paymentId(),
                        reply.rejection());
            }
            ctx.status(204);
        }).exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private static WebhookEvent parse(byte[] body) {
        WebhookEvent event;
        try {
            event = Json.read(body, WebhookEvent.class);
        } catch (MalformedRecordException e) {
            throw ApiException.badRequest("not a webhook event: " + e.getMessage());
        }
        if (event.id() == null || event.type() == null || event.createdAt() == null || event.data() == null
                || event.data().paymentId() == null || event.data().bookingId() == null) {
            throw ApiException.badRequest("a webhook event needs id, type, createdAt and data.paymentId and data.bookingId");
        }
        return event;
    }

    private static BookingCommand toCommand(WebhookEvent event) {
        WebhookEvent.Data data = event.data();
        String eventId = CommandIds.eventOfBooking(data.bookingId())
                .orElseThrow(() -> ApiException.badRequest("data.bookingId " + data.bookingId() + " is not a booking of ours"));
        return switch (event.type()) {
            case WebhookEvent.PAYMENT_SUCCEEDED, WebhookEvent.PAYMENT_FAILED -> {
                boolean succeeded = event.type().equals(WebhookEvent.PAYMENT_SUCCEEDED);
                yield new RecordPaymentOutcome("payment-" + data.paymentId() + (succeeded ? "-succeeded" : "-failed"), PROVIDER, eventId,
                        data.bookingId(), data.paymentId(), succeeded, data.amountCents(), data.currency(), data.reason());
            }
            case WebhookEvent.REFUND_SUCCEEDED -> new RecordRefund("refund-" + data.paymentId(), PROVIDER, eventId, data.bookingId(),
                    data.paymentId(), data.amountCents());
            default -> throw ApiException.badRequest("unknown webhook event type " + event.type());
        };
    }
}
