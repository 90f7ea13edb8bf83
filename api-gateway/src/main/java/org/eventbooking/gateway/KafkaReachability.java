package org.eventbooking.gateway;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the brokers answer, asked at most every {@link #RECHECK_NANOS}: readiness probes come
 * often, and Streams stays RUNNING for a while after the brokers went away.
 */
final class KafkaReachability implements AutoCloseable {

    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int TIMEOUT_MS = 1_000;

    private final Admin admin;
    private long checkedAt = System.nanoTime() - RECHECK_NANOS;
    private boolean reachable;

    KafkaReachability(Admin admin) {
        this.admin = admin;
    }

    synchronized boolean reachable() {
        if (System.nanoTime() - checkedAt >= RECHECK_NANOS) {
            reachable = ask();
            checkedAt = System.nanoTime();
        }
        return reachable;
    }

    private boolean ask() {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
