package org.eventbooking.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a run did second by second, for its chart: operations completed and, where the scenario
 * measures it, their latency. Safe to record from many threads.
 */
public final class Timeline {

    private static final int MAX_SECONDS = 3_600;
    private static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(5);

    /** One second of the run: operations completed in it, and latency percentiles (NaN when not measured). */
    public record Point(int second, long completed, double p50Ms, double p99Ms) {
    }

    private final String name;
    private final long startNs;
    private final AtomicLongArray completed;
    private final AtomicReferenceArray<Histogram> latencies;

    /** @param name what the series is called in a chart legend */
    public Timeline(String name, long startNs) {
        this(name, startNs, new AtomicLongArray(MAX_SECONDS), new AtomicReferenceArray<>(MAX_SECONDS));
    }

    public String name() {
        return name;
    }

    /** The same seconds under another legend name (shares the data). */
    public Timeline named(String newName) {
        return new Timeline(newName, startNs, completed, latencies);
    }

    private Timeline(String name, long startNs, AtomicLongArray completed, AtomicReferenceArray<Histogram> latencies) {
        this.name = name;
        this.startNs = startNs;
        this.completed = completed;
        this.latencies = latencies;
    }

    /** {@code count} operations completed at {@code atNs} (nanoTime), latency unknown. */
    public void count(long atNs, long count) {
        int second = second(atNs);
        if (second >= 0) {
            completed.addAndGet(second, count);
        }
    }

    /** One operation completed at {@code atNs} after {@code latencyNs}. */
    public void completed(long atNs, long latencyNs) {
        int second = second(atNs);
        if (second < 0) {
            return;
        }
        completed.incrementAndGet(second);
        Histogram histogram = latencies.get(second);
        if (histogram == null) {
            latencies.compareAndSet(second, null, new ConcurrentHistogram(MAX_LATENCY_US, 2));
            histogram = latencies.get(second);
        }
        histogram.recordValue(Math.max(0, Math.min(MAX_LATENCY_US, latencyNs / 1_000)));
    }

    /** Every second from the start to the last one with anything in it. */
    public List<Point> points() {
        int last = -1;
        for (int s = 0; s < MAX_SECONDS; s++) {
            if (completed.get(s) > 0) {
                last = s;
            }
        }
        List<Point> points = new ArrayList<>(last + 1);
        for (int s = 0; s <= last; s++) {
            Histogram histogram = latencies.get(s);
            boolean measured = histogram != null && histogram.getTotalCount() > 0;
            points.add(new Point(s, completed.get(s),
                    measured ? histogram.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                    measured ? histogram.getValueAtPercentile(99) / 1000.0 : Double.NaN));
        }
        return points;
    }

    /** Out of range (before the start, or after an hour) counts nowhere: a chart, not the figures. */
    private int second(long atNs) {
        long second = TimeUnit.NANOSECONDS.toSeconds(atNs - startNs);
        return atNs < startNs || second >= MAX_SECONDS ? -1 : (int) second;
    }
}
