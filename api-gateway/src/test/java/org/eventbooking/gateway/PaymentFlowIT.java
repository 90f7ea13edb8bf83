package org.eventbooking.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.gateway.payments.FakePaymentProvider;
import org.eventbooking.gateway.payments.WebhookEvent;
import org.eventbooking.gateway.payments.WebhookSignature;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.SingleNode;
import org.eventbooking.serde.Json;
import org.eventbooking.topology.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paying through HTTP with the fake provider and its signed webhooks, against a real broker and Redis. */
class PaymentFlowIT {

    private static final String WEBHOOK_SECRET = "a-test-webhook-secret-of-32-characters-or-more";
    @RegisterExtension
    static final SingleNode NODE = SingleNode.withSettings("payments",
            Map.of("BOOKING_FAKE_PROVIDER", "true", "BOOKING_PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET));
    private static final Api api = NODE.api();
    private static final List<BookingEvent> paymentLog = new CopyOnWriteArrayList<>();
    private static Thread tail;
    private static volatile boolean tailing = true;

    private String organizer;
    private String alice;

    @BeforeAll
    static void start() {
        tail = new Thread(PaymentFlowIT::tailPaymentLog, "payment-log-tail");
        tail.setDaemon(true);
        tail.start();
    }

    @AfterAll
    static void stop() {
        tailing = false;
    }

    @BeforeEach
    void users() {
        organizer = api.signUp("organizer");
        alice = api.signUp("customer");
    }

    private static void tailPaymentLog() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NODE.platform().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, BookingEvent> consumer = new KafkaConsumer<>(props, Topics.PAYMENT_EVENTS.keySerde().deserializer(),
                Topics.PAYMENT_EVENTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAYMENT_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (tailing) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> paymentLog.add(record.value()));
            }
        }
    }

    private String hold(String eventId, String seat) {
        Api.Reply held = api.hold(alice, eventId, Map.of("seats", List.of(seat)), null);
        assertThat(held.status()).isEqualTo(201);
        return held.body().get("bookingId").asText();
    }

    private Api.Reply startPayment(String bookingId) {
        return api.post("/api/bookings/" + bookingId + "/payment", alice, "{}");
    }

    private Api.Reply payWithCard(String checkoutUrl, String card) {
        return api.send("POST", checkoutUrl.substring(NODE.node().baseUrl().length()), null, Api.json(Map.of("card", card)), Map.of());
    }

    private String status(String bookingId) {
        return api.get("/api/bookings/" + bookingId, alice).body().get("status").asText();
    }

    @Test
    void paying_with_the_good_card_confirms_the_booking_and_sells_the_seat() {
        String eventId = api.createEvent(organizer, 2, 10, 600);
        String bookingId = hold(eventId, "FLOOR-1-1");

        Api.Reply intent = startPayment(bookingId);

        assertThat(intent.status()).isEqualTo(201);
        assertThat(intent.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(status(bookingId)).isEqualTo("PAYMENT_PENDING");
        assertThat(payWithCard(intent.body().get("checkoutUrl").asText(), FakePaymentProvider.SUCCEEDING_CARD).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(bookingId).equals("CONFIRMED"));
        await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/api/events/" + eventId + "/availability?seats=true", null)
                .body().get("seats").get("FLOOR-1-1").asText().equals("SOLD"));
        assertThat(api.get("/api/bookings/" + bookingId, alice).body().get("payment").get("paymentId").asText())
                .isEqualTo(intent.body().get("paymentId").asText());
    }

    @Test
    void a_declined_card_keeps_the_hold_and_a_second_intent_is_refused_while_one_is_pending() {
        String eventId = api.createEvent(organizer, 2, 10, 600);
        String bookingId = hold(eventId, "FLOOR-1-2");
        Api.Reply intent = startPayment(bookingId);

        assertThat(startPayment(bookingId).status()).as("two intents: one wins").isEqualTo(409);
        payWithCard(intent.body().get("checkoutUrl").asText(), FakePaymentProvider.DECLINED_CARD);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(bookingId).equals("HELD"));
        assertThat(startPayment(bookingId).status()).as("may pay again").isEqualTo(201);
    }

    @Test
    void a_payment_after_the_hold_expired_is_refunded() {
        String eventId = api.createEvent(organizer, 2, 10, 2);
        String bookingId = hold(eventId, "FLOOR-2-1");
        Api.Reply intent = startPayment(bookingId);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(bookingId).equals("EXPIRED"));

        payWithCard(intent.body().get("checkoutUrl").asText(), FakePaymentProvider.SUCCEEDING_CARD);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(bookingId).equals("REFUNDED"));
        String paymentId = intent.body().get("paymentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> paymentLog.stream()
                .anyMatch(e -> e instanceof RefundSucceeded refund && refund.paymentId().equals(paymentId)));
    }

    @Test
    void cancelling_a_paid_booking_refunds_it_and_frees_the_seat() {
        String eventId = api.createEvent(organizer, 2, 10, 600);
        String bookingId = hold(eventId, "FLOOR-2-2");
        Api.Reply intent = startPayment(bookingId);
        payWithCard(intent.body().get("checkoutUrl").asText(), FakePaymentProvider.SUCCEEDING_CARD);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(bookingId).equals("CONFIRMED"));

        Api.Reply cancelled = api.delete("/api/bookings/" + bookingId, alice);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
        String paymentId = intent.body().get("paymentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> paymentLog.stream()
                .anyMatch(e -> e instanceof RefundSucceeded refund && refund.paymentId().equals(paymentId)));
    }

    @Test
    void forged_stale_and_repeated_webhooks_change_nothing() {
        String eventId = api.createEvent(organizer, 2, 10, 600);
        String bookingId = hold(eventId, "FLOOR-2-3");
        String paymentId = startPayment(bookingId).body().get("paymentId").asText();
        byte[] success = Json.write(new WebhookEvent("delivery-1", WebhookEvent.PAYMENT_SUCCEEDED, Instant.now(),
                new WebhookEvent.Data(paymentId, bookingId, 5_000, "EUR", null)));
        byte[] stale = Json.write(new WebhookEvent("delivery-2", WebhookEvent.PAYMENT_SUCCEEDED, Instant.now().minus(Duration.ofHours(1)),
                new WebhookEvent.Data(paymentId, bookingId, 5_000, "EUR", null)));
        WebhookSignature ours = new WebhookSignature(WEBHOOK_SECRET);
        WebhookSignature forger = new WebhookSignature("not-the-secret-not-the-secret-not-the-secret");

        assertThat(webhook(success, forger.sign(success)).status()).isEqualTo(401);
        assertThat(webhook(success, null).status()).isEqualTo(401);
        assertThat(webhook(success, ours.sign(stale)).status()).as("signature of another body").isEqualTo(401);
        assertThat(webhook(stale, ours.sign(stale)).status()).isEqualTo(400);
        assertThat(status(bookingId)).isEqualTo("PAYMENT_PENDING");

        assertThat(webhook(success, ours.sign(success)).status()).isEqualTo(204);
        assertThat(webhook(success, ours.sign(success)).status()).as("redelivery").isEqualTo(204);

        assertThat(status(bookingId)).isEqualTo("CONFIRMED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> paymentLog.stream()
                .filter(e -> e instanceof PaymentSucceeded paid && paid.paymentId().equals(paymentId)).count() == 1);
    }

    @Test
    void the_organiser_calls_the_event_off_and_paid_bookings_are_refunded() {
        String eventId = api.createEvent(organizer, 2, 10, 600);
        String paid = hold(eventId, "FLOOR-1-7");
        Api.Reply intent = startPayment(paid);
        payWithCard(intent.body().get("checkoutUrl").asText(), FakePaymentProvider.SUCCEEDING_CARD);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(paid).equals("CONFIRMED"));
        String held = hold(eventId, "FLOOR-1-8");
        String otherOrganizer = api.signUp("organizer");

        assertThat(api.post("/api/events/" + eventId + "/cancel", otherOrganizer, "{}").status()).isEqualTo(403);
        Api.Reply cancelled = api.post("/api/events/" + eventId + "/cancel", organizer, "{}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("refundedBookings").asInt()).isEqualTo(1);
        assertThat(cancelled.body().get("releasedBookings").asInt()).isEqualTo(1);
        assertThat(status(paid)).isEqualTo("CANCELLED");
        assertThat(status(held)).isEqualTo("RELEASED");
        assertThat(api.hold(alice, eventId, Map.of("seats", List.of("FLOOR-2-1")), null).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/api/events/" + eventId, null).body().has("cancelledAt"));
        String paymentId = intent.body().get("paymentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> paymentLog.stream()
                .anyMatch(e -> e instanceof RefundSucceeded refund && refund.paymentId().equals(paymentId)));
    }

    private Api.Reply webhook(byte[] body, String signature) {
        Map<String, String> headers = signature == null ? Map.of() : Map.of(WebhookSignature.HEADER, signature);
        return api.send("POST", "/api/payments/webhook", null, new String(body, StandardCharsets.UTF_8), headers);
    }
}
