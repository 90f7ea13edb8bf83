package org.eventbooking.topology.internals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.eventbooking.topology.RecordHeaderNames;

/**
 * Sends a reply to the partition its command named as the reply address, so a node reads only
 * its own partition of {@code booking-replies}. A missing or out-of-range address falls back to
 * the key's hash: the reply is still written, and a node reading every partition still finds it.
 */
public final class ReplyPartitioner implements StreamPartitioner<String, byte[]> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
        return Optional.empty();
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, Headers headers, int numPartitions) {
        Header address = headers.lastHeader(RecordHeaderNames.REPLY_PARTITION);
        if (address == null) {
            return Optional.empty();
        }
        try {
            int partition = Integer.parseInt(new String(address.value(), StandardCharsets.UTF_8));
            return partition >= 0 && partition < numPartitions ? Optional.of(Set.of(partition)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
