package org.eventbooking.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Watches PostgreSQL for facts becoming visible: the highest committed {@code src_offset} of
 * {@code booking_events} per partition, polled every few milliseconds. A fact's lag is the time
 * from its send to the first poll that sees it (so it includes up to one poll interval).
 */
final class VisibilityWatcher {

    private static final String MAX_OFFSET = "SELECT max(src_offset) FROM booking_events"
            + " WHERE src_topic = ? AND src_partition = ?";

    private final String url;
    private final String topic;
    private final SendTimes sendTimes;
    private final long[] visibleUpTo;
    private final Histogram lagMs = new Histogram(3_600_000L, 3);
    private final Timeline timeline;

    /** @param timeline gets each fact as it becomes visible, with its lag */
    VisibilityWatcher(String url, String topic, SendTimes sendTimes, int partitions, Timeline timeline) {
        this.url = url;
        this.timeline = timeline;
        this.topic = topic;
        this.sendTimes = sendTimes;
        this.visibleUpTo = new long[partitions];
        Arrays.fill(visibleUpTo, -1);
    }

    /** Polls until every fact counted by {@code sendTimes} (expected in total) is visible; returns when the last was seen (nanoTime). */
    long awaitAll(long expected, long pollMillis, long timeoutNanos) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement query = connection.prepareStatement(MAX_OFFSET)) {
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long visible = 0;
                for (int p = 0; p < visibleUpTo.length; p++) {
                    visible += advance(query, p, now);
                }
                if (visible >= expected) {
                    return now;
                }
                Thread.sleep(pollMillis);
            }
        }
        throw new IllegalStateException("not every fact reached PostgreSQL in time: " + Arrays.toString(visibleUpTo));
    }

    // Returns how many facts of the partition are visible so far.
    private long advance(PreparedStatement query, int partition, long now) throws SQLException {
        query.setString(1, topic);
        query.setInt(2, partition);
        long max;
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            max = rs.getObject(1) == null ? -1 : rs.getLong(1);
        }
        for (long offset = visibleUpTo[partition] + 1; offset <= max; offset++) {
            long sent = sendTimes.get(partition, offset);
            if (sent > 0) {
                lagMs.recordValue(Math.max(0, (now - sent) / 1_000_000));
                timeline.completed(now, now - sent);
            }
        }
        visibleUpTo[partition] = Math.max(visibleUpTo[partition], max);
        return visibleUpTo[partition] + 1;
    }

    Histogram lagMs() {
        return lagMs;
    }
}
