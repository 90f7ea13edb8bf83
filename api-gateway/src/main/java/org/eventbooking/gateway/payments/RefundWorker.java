package org.eventbooking.gateway.payments;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.gateway.ConsumerLoop;
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
public final class RefundWorker extends ConsumerLoop<BookingEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RefundWorker.class);

    private final PaymentProvider provider;

    public RefundWorker(String bootstrapServers, String groupId, String nodeId, PaymentProvider provider) {
        super(consumer(bootstrapServers, groupId, nodeId), nodeId + "-refund-worker", "refunds wait until a node restarts it");
        this.provider = provider;
    }

    private static KafkaConsumer<String, BookingEvent> consumer(String bootstrapServers, String groupId, String nodeId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, nodeId + "-refunds");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, Topics.PAYMENT_EVENTS.keySerde().deserializer(), Topics.PAYMENT_EVENTS.valueSerde().deserializer());
    }

    @Override
    protected void position() {
        consumer.subscribe(List.of(Topics.PAYMENT_EVENTS.name()));
    }

    @Override
    protected void handle(ConsumerRecords<String, BookingEvent> records) {
        for (ConsumerRecord<String, BookingEvent> record : records) {
            if (record.value() instanceof RefundRequested refund) {
                LOG.info("refunding payment {} of booking {} ({}): {}", refund.paymentId(), refund.bookingId(),
                        refund.amountCents(), refund.reason());
                provider.refund(refund.paymentId(), refund.bookingId(), refund.amountCents(), refund.currency());
            }
        }
        consumer.commitSync();
    }
}
