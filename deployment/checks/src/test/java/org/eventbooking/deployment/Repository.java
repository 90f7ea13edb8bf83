package org.eventbooking.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout whose deployment files are under test (system property {@code repository.root}, set by the pom). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String root = System.getProperty("repository.root");
        if (root == null) {
            throw new IllegalStateException("system property repository.root is not set: run the tests through Maven"
                    + " (mvn -pl deployment/checks -am verify)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist");
        }
        return path;
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
