package org.eventbooking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eventbooking.topology.internals.ReplyPartitioner;
import org.junit.jupiter.api.Test;

class ReplyPartitionerTest {

    private final ReplyPartitioner partitioner = new ReplyPartitioner();

    private Optional<Set<Integer>> partitionsFor(String address, int partitions) {
        RecordHeaders headers = new RecordHeaders();
        if (address != null) {
            headers.add(RecordHeaderNames.REPLY_PARTITION, address.getBytes(StandardCharsets.UTF_8));
        }
        return partitioner.partitions("booking-replies", "corr-1", new byte[0], headers, partitions);
    }

    @Test
    void sends_the_reply_to_the_partition_the_command_named() {
        assertThat(partitionsFor("3", 6)).contains(Set.of(3));
    }

    @Test
    void falls_back_to_the_key_hash_without_a_usable_address() {
        assertThat(partitionsFor(null, 6)).isEmpty();
        assertThat(partitionsFor("6", 6)).isEmpty();
        assertThat(partitionsFor("-1", 6)).isEmpty();
        assertThat(partitionsFor("two", 6)).isEmpty();
    }
}
