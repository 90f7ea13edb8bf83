package org.eventbooking.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventbooking.sink.testsupport.ConnectWorkerProcess;

/** The projection sink connector in a Connect worker child process, as the scenarios that reach PostgreSQL run it. */
final class ProjectionSink {

    static final String CONNECTOR = "projections";
    /** Where the build assembles the plugin; ./booking runs the benchmarks from the repository root. */
    static final Path PLUGIN_PATH = Path.of("sink-connectors", "target", "plugin");

    private ProjectionSink() {
    }

    /** Starts a worker, creates the connector over the topics and waits until it runs. */
    static ConnectWorkerProcess start(String bootstrap, String postgresUrl, List<String> topics, int tasks, int maxPollRecords)
            throws InterruptedException {
        ConnectWorkerProcess worker = ConnectWorkerProcess.start(bootstrap, PLUGIN_PATH);
        worker.putConnector(CONNECTOR, config(postgresUrl, topics, tasks, maxPollRecords));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!worker.isRunning(CONNECTOR)) {
            if (System.nanoTime() > deadline) {
                String why = "connector not RUNNING: " + worker.status(CONNECTOR) + "\n" + worker.tail();
                worker.close();
                throw new IllegalStateException(why);
            }
            Thread.sleep(200);
        }
        return worker;
    }

    private static Map<String, String> config(String postgresUrl, List<String> topics, int tasks, int maxPollRecords) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "org.eventbooking.sink.ProjectionSinkConnector");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", String.join(",", topics));
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("postgres.url", postgresUrl);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", org.eventbooking.topology.Topics.DEAD_LETTERS.name());
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("consumer.override.max.poll.records", Integer.toString(maxPollRecords));
        return config;
    }
}
