package org.eventbooking.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eventbooking.gateway.http.ApiException;
import org.eventbooking.topology.BookingTopology;
import org.eventbooking.topology.StoreReads;
import org.eventbooking.topology.StreamsSettings;
import org.eventbooking.topology.TopologySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While no node owns a key yet (Streams starting or rebalancing), reads retry, then answer 503. */
class ClusterReadsTest {

    @TempDir
    Path stateDir;

    private KafkaStreams notRunning;
    private ClusterReads reads;

    @BeforeEach
    void streamsThatNeverStart() throws Exception {
        notRunning = new KafkaStreams(BookingTopology.build(TopologySettings.defaults()),
                StreamsSettings.local("127.0.0.1:1", "cluster-reads-test", stateDir).toProperties());
        HostInfo self = new HostInfo("127.0.0.1", 1);
        reads = new ClusterReads(notRunning, self, new LocalReads(new StoreReads(notRunning)), new PeerClient("secret"));
    }

    @AfterEach
    void close() {
        notRunning.close(Duration.ofSeconds(1));
    }

    @Test
    void a_key_read_without_an_owner_is_a_503_with_retry_after() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> reads.event("e-1").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("retried before giving up").isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void the_catalog_without_any_owner_is_a_503() {
        assertThatThrownBy(() -> reads.events(null, 10).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
}
