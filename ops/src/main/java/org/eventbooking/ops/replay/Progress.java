package org.eventbooking.ops.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Progress of a long phase on one line per second: done, total, records/s and the time left.
 * Printed to stderr so that stdout keeps only results.
 */
public final class Progress implements LongConsumer {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String phase;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;

    public Progress(PrintStream out, String phase, long total) {
        this.out = out;
        this.phase = phase;
        this.total = total;
    }

    @Override
    public void accept(long done) {
        long now = System.nanoTime();
        if (now - lastPrintNanos >= INTERVAL_NANOS) {
            lastPrintNanos = now;
            out.println(line(done, now));
        }
    }

    String line(long done, long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        double rate = done / seconds;
        String eta = rate <= 0 || done >= total ? "-" : String.format(Locale.ROOT, "%.0f s", (total - done) / rate);
        return String.format(Locale.ROOT, "%s: %,d / %,d records (%,.0f records/s, ETA %s)", phase, done, total, rate, eta);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
