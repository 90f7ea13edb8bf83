package org.eventbooking.kafka.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath the broker's child JVM runs with. Maven writes it into this module's jar at
 * build time, so a module that uses kafka-local can start a broker without having kafka_2.13
 * (and its Scala and server jars) on its own classpath.
 */
final class BrokerClasspath {

    static final String RESOURCE = "kafka-broker.classpath";
    static final String ENV_OVERRIDE = "KAFKA_LOCAL_CLASSPATH";

    private BrokerClasspath() {
    }

    static String resolve() {
        return resolve(System.getenv(ENV_OVERRIDE));
    }

    /** The override when set, else the build-time resource; each entry must exist. */
    static String resolve(String override) {
        String classpath = override == null || override.isBlank() ? buildResource(RESOURCE) : override.trim();
        requireEntriesExist(classpath);
        return classpath;
    }

    /** A path list Maven wrote into this module at build time (see pom.xml). */
    static String buildResource(String resource) {
        try (InputStream in = BrokerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LocalKafkaException("resource " + resource + " not found on the classpath:"
                        + " build kafka-local with Maven first: mvn -pl kafka-local package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    // The resource names jars in the local Maven repository; a cleaned repository would
    // otherwise surface as a ClassNotFoundException buried in the broker's server.log.
    static void requireEntriesExist(String classpath) {
        for (String entry : classpath.split(":")) {
            if (entry.isEmpty() || !Files.exists(Path.of(entry))) {
                throw new LocalKafkaException("broker classpath entry missing: '" + entry
                        + "': rebuild kafka-local with Maven: mvn -pl kafka-local package");
            }
        }
    }
}
