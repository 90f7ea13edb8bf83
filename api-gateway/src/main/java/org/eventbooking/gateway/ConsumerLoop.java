package org.eventbooking.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer on one thread of its own, the way a node's background readers run (replies, live
 * availability, refunds): {@link #start} returns once the consumer is positioned, {@link #close}
 * wakes it and waits for it. A failure stops the loop with a log line saying what stops working.
 */
public abstract class ConsumerLoop<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    protected final KafkaConsumer<String, V> consumer;
    private final String consequenceOfStopping;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /** @param consequenceOfStopping what stops working if this loop dies, for the log line that says so */
    protected ConsumerLoop(KafkaConsumer<String, V> consumer, String threadName, String consequenceOfStopping) {
        this.consumer = consumer;
        this.consequenceOfStopping = consequenceOfStopping;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Assigns or subscribes, and seeks; runs on the loop's thread before the first poll. */
    protected abstract void position();

    protected abstract void handle(ConsumerRecords<String, V> records);

    public void start(Duration timeout) {
        thread.start();
        try {
            if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(thread.getName() + " could not reach its topic within " + timeout
                        + ": is Kafka reachable and the topic created?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + thread.getName(), e);
        }
    }

    private void run() {
        try {
            position();
            positioned.countDown();
            while (running) {
                handle(consumer.poll(POLL));
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{} was woken up unexpectedly: {}", thread.getName(), consequenceOfStopping, e);
            }
        } catch (RuntimeException e) {
            LOG.error("{} stopped: {}", thread.getName(), consequenceOfStopping, e);
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
