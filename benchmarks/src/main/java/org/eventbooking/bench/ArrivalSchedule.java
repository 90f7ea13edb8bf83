package org.eventbooking.bench;

/**
 * When each request of an open-model load is due: during the warm-up the rate rises linearly from
 * zero to the target, then it stays there. A warm-up at the full rate would pile up requests while
 * the JIT compilers still take much of the CPU, and that backlog would then be measured; the ramp
 * lets the code get compiled under load the node can still serve.
 */
record ArrivalSchedule(double rate, long warmupNanos, long measuredNanos) {

    ArrivalSchedule {
        if (rate <= 0 || warmupNanos < 0 || measuredNanos <= 0) {
            throw new IllegalArgumentException("rate and measured time must be positive, warm-up not negative");
        }
    }

    /** Requests due during the warm-up: the area under the ramp, rate × warm-up / 2. */
    long warmupRequests() {
        return (long) Math.ceil(rate * warmupNanos / 2e9);
    }

    long totalRequests() {
        return warmupRequests() + (long) Math.ceil(rate * measuredNanos / 1e9);
    }

    /** Nanoseconds from the start at which request {@code index} (from 0) is due. */
    long dueNanos(long index) {
        long warmup = warmupRequests();
        if (index < warmup) {
            // n(t) = rate t² / (2 W), so request i is due at t = sqrt(2 W i / rate).
            return (long) Math.sqrt(2.0 * warmupNanos * index * 1e9 / rate);
        }
        return warmupNanos + (long) ((index - warmup) * 1e9 / rate);
    }
}
