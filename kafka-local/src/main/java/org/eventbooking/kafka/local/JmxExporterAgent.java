package org.eventbooking.kafka.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Prometheus JMX exporter as each broker's Java agent: the broker's MBeans, named by a rules
 * file, served on {@code GET /metrics} of a port of the node's own. The agent jar's path is written
 * into this module at build time, like the broker classpath.
 */
final class JmxExporterAgent {

    static final String RESOURCE = "kafka-jmx-exporter-agent.path";

    private final Path jar;
    private final Path rules;

    private JmxExporterAgent(Path jar, Path rules) {
        this.jar = jar;
        this.rules = rules;
    }

    /** The agent with {@code rules} (the exporter's YAML config); both files must exist. */
    static JmxExporterAgent withRules(Path rules) {
        String jar = BrokerClasspath.buildResource(RESOURCE);
        BrokerClasspath.requireEntriesExist(jar);
        if (!Files.isRegularFile(rules)) {
            throw new LocalKafkaException("JMX exporter rules file not found: " + rules.toAbsolutePath()
                    + ": pass the path of prometheus/jmx-exporter/kafka-broker.yml");
        }
        return new JmxExporterAgent(Path.of(jar), rules.toAbsolutePath());
    }

    /** The JVM option that starts the agent, serving on {@code 127.0.0.1:port}. */
    String jvmOption(int port) {
        return "-javaagent:" + jar + "=" + BrokerPorts.HOST + ":" + port + ":" + rules;
    }
}
