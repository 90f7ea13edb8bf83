package org.eventbooking.topology;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.eventbooking.topology.internals.BoundedRocksDbConfig;

/**
 * Kafka Streams client settings of a node running the booking topology.
 *
 * @param transactionalStores KIP-892 transactional state stores: after a crash under exactly-once
 *                            the stores keep their committed state instead of being wiped and
 *                            restored from the changelog, and interactive queries read committed data
 * @param commitIntervalMs    how often the exactly-once transaction commits; a committed reply
 *                            waits for it, so it trades reply latency for throughput
 */
public record StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int streamThreads,
                              int replicationFactor, boolean transactionalStores, long cacheBytes, long commitIntervalMs) {

    public static final long DEFAULT_COMMIT_INTERVAL_MS = 100;

    public static StreamsSettings local(String bootstrapServers, String applicationId, Path stateDir) {
        return new StreamsSettings(bootstrapServers, applicationId, stateDir, 1, 1, true, 64L * 1024 * 1024,
                DEFAULT_COMMIT_INTERVAL_MS);
    }

    public StreamsSettings withTransactionalStores(boolean enabled) {
        return new StreamsSettings(bootstrapServers, applicationId, stateDir, streamThreads, replicationFactor, enabled,
                cacheBytes, commitIntervalMs);
    }

    public StreamsSettings withCommitIntervalMs(long intervalMs) {
        return new StreamsSettings(bootstrapServers, applicationId, stateDir, streamThreads, replicationFactor,
                transactionalStores, cacheBytes, intervalMs);
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, transactionalStores);
        if (transactionalStores) {
            props.put(StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG, "READ_COMMITTED");
        }
        // Larger batches amortise the per-transaction cost of exactly-once at flash-crowd rates.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        // Commands trickle in one HTTP request at a time. Fetching each as it lands costs a broker
        // request, a wake-up and a pass of the stream loop per command; waiting up to 5 ms for a
        // batch cost a hold 5 ms at most and, with the linger below, a third of the CPU of a hold
        // through one node (./booking bench http: 2.8 -> 1.9 ms of machine CPU per hold at 600/s).
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 64 * 1024);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 5);
        // Nothing this producer writes is visible before the transaction commits, and the commit
        // flushes it: lingering until then costs no latency and makes one produce request per
        // partition and transaction instead of one every few milliseconds.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), (int) commitIntervalMs);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        // No compression: the stream thread compresses as it appends and the broker decompresses
        // to validate, both on the scarce CPU; these records are small and the network is not the
        // limit. Measured on the 2-core benchmark: lz4 cost ~10% of the throughput.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        return props;
    }
}
