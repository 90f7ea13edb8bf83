package org.eventbooking.sink.metrics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.eventbooking.sink.ProjectionSinkConfig;
import org.eventbooking.sink.jdbc.Projected;

/** What one task reports after each committed batch; nothing when no metrics port is set. */
public final class BatchMetrics {

    /** The task property the connector numbers its tasks with. */
    public static final String TASK_ID = "booking.task.id";
    private static final BatchMetrics NONE = new BatchMetrics(null, "");

    private final ProjectionMetrics metrics;
    private final String task;

    private BatchMetrics(ProjectionMetrics metrics, String task) {
        this.metrics = metrics;
        this.task = task;
    }

    /** The task's metrics, labelled with the task's number. */
    public static BatchMetrics of(ProjectionSinkConfig config, Map<String, String> taskProps) {
        if (config.metricsPort < 0) {
            return NONE;
        }
        String task = taskProps.getOrDefault(TASK_ID, "0");
        return new BatchMetrics(ProjectionMetrics.servedOn(config.metricsPort), task);
    }

    public void written(List<? extends Projected<SinkRecord>> batch) {
        if (metrics == null || batch.isEmpty()) {
            return;
        }
        int rows = 0;
        long oldest = Long.MAX_VALUE;
        for (Projected<SinkRecord> record : batch) {
            rows += record.changes().size();
            Long timestamp = record.origin().timestamp();
            oldest = Math.min(oldest, timestamp == null ? Long.MAX_VALUE : timestamp);
        }
        long now = System.currentTimeMillis();
        metrics.written(task, batch.size(), rows, oldest == Long.MAX_VALUE ? now : oldest, now);
    }
}
