package org.eventbooking.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** When each record was sent (nanoTime), by partition and offset, filled from producer callbacks. */
final class SendTimes {

    private final AtomicLongArray[] byPartition;

    SendTimes(int partitions, int capacityPerPartition) {
        byPartition = new AtomicLongArray[partitions];
        for (int p = 0; p < partitions; p++) {
            byPartition[p] = new AtomicLongArray(capacityPerPartition);
        }
    }

    void record(int partition, long offset, long sentNanos) {
        byPartition[partition].set((int) offset, sentNanos);
    }

    /** The send time, or 0 if unknown (a record of an earlier phase, or not acknowledged yet). */
    long get(int partition, long offset) {
        AtomicLongArray times = byPartition[partition];
        return offset < times.length() ? times.get((int) offset) : 0;
    }
}
