package org.eventbooking.sink;

import java.util.Collections;
import java.util.List;
import java.util.Map;
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
        return Collections.nCopies(maxTasks, settings);
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
