package org.eventbooking.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eventbooking.sink.metrics.BatchMetrics;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Projects the event log (event-streams, booking-events, payment-events) into PostgreSQL reporting
 * tables. Every task gets the same settings; Connect spreads the topic partitions over them.
 */
public final class ProjectionSinkConnector extends SinkConnector {

    private Map<String, String> settings = Map.of();

    @Override
    public void start(Map<String, String> props) {
        new ProjectionSinkConfig(props); // fails the connector at once on a bad option, naming it
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ProjectionSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // Each task gets its index: the label of its metrics.
        return IntStream.range(0, maxTasks).mapToObj(task -> {
            Map<String, String> config = new HashMap<>(settings);
            config.put(BatchMetrics.TASK_ID, Integer.toString(task));
            return Map.copyOf(config);
        }).toList();
    }

    @Override
    public void stop() {
        settings = Map.of();
    }

    @Override
    public ConfigDef config() {
        return ProjectionSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }
}
