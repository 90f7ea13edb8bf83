package org.eventbooking.gateway.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.topology.Topics;

/**
 * How many records the dead-letter topic holds (end minus start offsets over its partitions), asked
 * from the brokers at scrape time. The engine and the projection sink both dead-letter there, so
 * one number says whether anything needs an operator's look.
 */
final class DeadLetterRecords {

    private static final long TIMEOUT_MS = 2_000;

    private final Admin admin;

    DeadLetterRecords(Admin admin) {
        this.admin = admin;
    }

    /** The count, or -1 when the brokers did not answer in time (the series is then left out). */
    long count() {
        String topic = Topics.DEAD_LETTERS.name();
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            return offsets(partitions, OffsetSpec.latest()) - offsets(partitions, OffsetSpec.earliest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    private long offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values().stream()
                .mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
