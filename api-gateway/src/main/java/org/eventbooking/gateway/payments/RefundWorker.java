package org.eventbooking.gateway.payments;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays back what the engine decided to refund: reads committed {@code RefundRequested} facts from
 * {@code payment-events} in one consumer group shared by all nodes (each refund asked for by one
 * node) and asks the provider, which refunds once per payment and confirms through the webhook.
 * Offsets are committed after the provider was asked, so a crash asks again rather than never.
 */
public final class RefundWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefundWorker.class);

    private final KafkaConsumer<String, BookingEvent> consumer;
    private final PaymentProvider provider;
    private final Thread thread;
    private volatile boolean running = true;

    public RefundWorker(String bootstrapServers, String groupId, String nodeId, PaymentProvider provider) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, nodeId + "-refunds");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, Topics.PAYMENT_EVENTS.keySerde().deserializer(),
                Topics.PAYMENT_EVENTS.valueSerde().deserializer());
        this.provider = provider;
        this.thread = new Thread(this::run, nodeId + "-refund-worker");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.PAYMENT_EVENTS.name()));
            while (running) {
                for (ConsumerRecord<String, BookingEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof RefundRequested refund) {
                        LOG.info("refunding payment {} of booking {} ({}): {}", refund.paymentId(), refund.bookingId(),
                                refund.amountCents(), refund.reason());
                        provider.refund(refund.paymentId(), refund.bookingId(), refund.amountCents(), refund.currency());
                    }
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("the refund worker was woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("the refund worker stopped: refunds wait until a node restarts it", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
