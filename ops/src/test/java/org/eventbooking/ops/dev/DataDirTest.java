package org.eventbooking.ops.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

    @TempDir
    Path temp;

    @Test
    void one_launcher_at_a_time_and_the_second_is_told_who_holds_it() {
        DataDir.acquire(temp.resolve("dev"));

        assertThatThrownBy(() -> DataDir.acquire(temp.resolve("dev")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another ./booking dev (pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining("--data-dir");
    }

    @Test
    void wiping_deletes_the_data_but_keeps_the_lock() throws Exception {
        DataDir dir = DataDir.acquire(temp.resolve("dev"));
        Files.createDirectories(dir.node("node-1").resolve("state"));
        Files.writeString(Files.createDirectories(dir.kafka()).resolve("cluster.properties"), "cluster.id=x");

        dir.wipe();

        try (Stream<Path> left = Files.list(dir.root())) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("dev.lock");
        }
    }
}
