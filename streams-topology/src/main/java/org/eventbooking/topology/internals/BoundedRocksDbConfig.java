package org.eventbooking.topology.internals;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB stores of the process together (Kafka's memory
 * management guide): without it memory grows with the number of store instances, i.e. with the
 * number of partitions a node owns.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Total block cache + memtables for all stores of this JVM. */
    public static final long TOTAL_OFF_HEAP_BYTES = 256L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = TOTAL_OFF_HEAP_BYTES / 4;
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_BLOCK_RATIO);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: closing them here would
        // break the others.
    }
}
