package org.eventbooking.gateway.payments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eventbooking.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment provider for development and tests (DESIGN §3), served by the node itself under
 * {@code /fake-provider} when configured on. {@code POST <checkoutUrl>} with card
 * {@value #SUCCEEDING_CARD} succeeds, {@value #DECLINED_CARD} is declined; either way the outcome
 * is then delivered to the webhook, signed, and redelivered with backoff until it is taken.
 */
public final class FakePaymentProvider implements PaymentProvider, AutoCloseable {

    public static final String SUCCEEDING_CARD = "4242424242424242";
    public static final String DECLINED_CARD = "4000000000000002";
    public static final String CHECKOUT_PATH = "/fake-provider/checkout/{paymentId}";
    private static final Logger LOG = LoggerFactory.getLogger(FakePaymentProvider.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_RETRY_MS = 250;

    private record Intent(String bookingId, long amountCents, String currency) {
    }

    private record CardRequest(String card) {
    }

    private final String publicUrl;
    private final URI webhook;
    private final WebhookSignature signature;
    private final Clock clock;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-provider-deliveries");
        thread.setDaemon(true);
        return thread;
    });

    /** @param publicUrl where customers reach this node; checkout URLs and the webhook live under it */
    public FakePaymentProvider(String publicUrl, WebhookSignature signature, Clock clock) {
        this.publicUrl = publicUrl;
        this.webhook = URI.create(publicUrl + "/api/payments/webhook");
        this.signature = signature;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post(CHECKOUT_PATH, this::pay);
    }

    @Override
    public String checkout(String paymentId, String bookingId, long amountCents, String currency) {
        intents.put(paymentId, new Intent(bookingId, amountCents, currency));
        return publicUrl + CHECKOUT_PATH.replace("{paymentId}", paymentId);
    }

    @Override
    public void refund(String paymentId, String bookingId, long amountCents, String currency) {
        if (refunded.add(paymentId)) {
            deliver(WebhookEvent.REFUND_SUCCEEDED, new WebhookEvent.Data(paymentId, bookingId, amountCents, currency, null));
        }
    }

    private void pay(Context ctx) {
        String paymentId = ctx.pathParam("paymentId");
        Intent intent = intents.get(paymentId);
        if (intent == null) {
            ctx.status(404).json(Map.of("error", "no such payment"));
            return;
        }
        String card = Json.read(ctx.bodyAsBytes(), CardRequest.class).card();
        boolean succeeded = SUCCEEDING_CARD.equals(card);
        if (!succeeded && !DECLINED_CARD.equals(card)) {
            ctx.status(422).json(Map.of("error", "test cards: " + SUCCEEDING_CARD + " succeeds, " + DECLINED_CARD + " is declined"));
            return;
        }
        if (!settled.add(paymentId)) {
            ctx.status(409).json(Map.of("error", "this payment was already attempted"));
            return;
        }
        deliver(succeeded ? WebhookEvent.PAYMENT_SUCCEEDED : WebhookEvent.PAYMENT_FAILED,
                new WebhookEvent.Data(paymentId, intent.bookingId(), intent.amountCents(), intent.currency(), succeeded ? null : "card declined"));
        ctx.json(Map.of("paymentId", paymentId, "status", succeeded ? "succeeded" : "declined"));
    }

    private void deliver(String type, WebhookEvent.Data data) {
        byte[] body = Json.write(new WebhookEvent(UUID.randomUUID().toString(), type, clock.instant(), data));
        attempt(body, 1);
    }

    private void attempt(byte[] body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            boolean taken = failure == null && response.statusCode() / 100 == 2;
            if (taken) {
                return;
            }
            String why = failure != null ? failure.toString() : "status " + response.statusCode();
            if (attempt >= MAX_ATTEMPTS) {
                LOG.error("webhook delivery given up after {} attempts: {}", attempt, why);
                return;
            }
            long delay = FIRST_RETRY_MS << (attempt - 1);
            LOG.warn("webhook delivery attempt {} failed ({}); retrying in {} ms", attempt, why, delay);
            retries.schedule(() -> attempt(body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
