package org.eventbooking.ops.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nodes' local state on this host. After the changelogs are rebuilt, a node's old RocksDB
 * stores and checkpoints describe changelogs that no longer exist, so they are deleted and the
 * node restores from the rebuilt changelogs (what {@code KafkaStreams#cleanUp} does).
 */
public final class LocalStateDirs {

    private LocalStateDirs() {
    }

    /**
     * Deletes {@code <dir>/<applicationId>} for each dir that is a node's state directory or a
     * directory holding nodes' state directories (like {@code .local/state}); returns what was deleted.
     */
    public static List<Path> wipe(List<Path> dirs, String applicationId) {
        List<Path> wiped = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path candidate : candidates(dir, applicationId)) {
                if (Files.isDirectory(candidate)) {
                    delete(candidate);
                    wiped.add(candidate);
                }
            }
        }
        return wiped;
    }

    private static List<Path> candidates(Path dir, String applicationId) {
        List<Path> candidates = new ArrayList<>(List.of(dir.resolve(applicationId)));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).map(child -> child.resolve(applicationId)).forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return candidates;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new OperatorException("cannot delete the local state " + dir + " (" + e.getMessage()
                    + "): delete it by hand before starting the node", e);
        }
    }
}
