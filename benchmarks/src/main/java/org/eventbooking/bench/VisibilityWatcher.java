package org.eventbooking.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * Watches PostgreSQL for facts becoming visible: the highest committed {@code src_offset} of
 * {@code booking_events} per partition, polled every few milliseconds. A fact's lag is the time
 * from its send to the first poll that sees it (so it includes up to one poll interval).
 */
final class VisibilityWatcher {

    // One statement per poll, planned once: planning it afresh each time (PostgreSQL probes the
    // index ends of the busy history to estimate) cost the server up to half a core at 10 polls/s,
    // taken from the sink being measured.
    private static final String MAX_OFFSETS = "SELECT p, (SELECT max(src_offset) FROM booking_events"
            + " WHERE src_topic = ? AND src_partition = p) FROM generate_series(0, ? - 1) AS p";

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
        try (Connection connection = genericPlanConnection();
             PreparedStatement query = connection.prepareStatement(MAX_OFFSETS)) {
            query.setString(1, topic);
            query.setInt(2, visibleUpTo.length);
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long visible = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        visible += advance(rs.getInt(1), rs.getObject(2) == null ? -1 : rs.getLong(2), now);
                    }
                }
                if (visible >= expected) {
                    return now;
                }
                Thread.sleep(pollMillis);
            }
        }
        throw new IllegalStateException("not every fact reached PostgreSQL in time: " + Arrays.toString(visibleUpTo));
    }

    private Connection genericPlanConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "1");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement s = connection.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
        }
        return connection;
    }

    // Returns how many facts of the partition are visible so far.
    private long advance(int partition, long max, long now) {
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
