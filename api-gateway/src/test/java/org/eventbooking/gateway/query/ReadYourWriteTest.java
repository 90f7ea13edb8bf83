package org.eventbooking.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadYourWriteTest {

    @Test
    void reads_again_until_the_write_shows() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Optional<String>> found = ReadYourWrite.await(() -> CompletableFuture.completedFuture(
                reads.incrementAndGet() < 3 ? Optional.<String>empty() : Optional.of("account")));

        assertThat(found.get(5, TimeUnit.SECONDS)).contains("account");
        assertThat(reads).hasValue(3);
    }

    @Test
    void answers_at_once_when_it_is_there_and_empty_when_it_never_shows() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        assertThat(ReadYourWrite.await(() -> {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.of("booking"));
        }).get(5, TimeUnit.SECONDS)).contains("booking");
        assertThat(reads).hasValue(1);

        long start = System.nanoTime();
        Optional<String> missing = ReadYourWrite.await(() -> CompletableFuture.completedFuture(Optional.<String>empty()),
                Duration.ofMillis(100)).get(5, TimeUnit.SECONDS);
        assertThat(missing).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
