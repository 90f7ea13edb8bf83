package org.eventbooking.gateway.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The Kafka Streams client metrics worth watching, read from {@code KafkaStreams#metrics()} at
 * scrape time and renamed to Prometheus conventions (base units, {@code _total} for counts). Kafka
 * tags become labels ({@code thread-id} → {@code thread_id}). The table below is the whole
 * selection: Kafka clients have hundreds of metrics, most of them noise on a dashboard.
 */
final class KafkaClientMetrics implements MultiCollector {

    private enum Kind { COUNTER, GAUGE, STATE }

    /** One Kafka metric (group and name) exported as {@code prometheusName}, its value times {@code scale}. */
    private record Export(String group, String kafkaName, String prometheusName, Kind kind, double scale, String help) {
    }

    private static final double MILLIS = 1e-3;
    private static final List<Export> EXPORTS = List.of(
            new Export("stream-thread-metrics", "process-total", "kafka_streams_thread_processed_records", Kind.COUNTER, 1,
                    "Records processed by the stream thread"),
            new Export("stream-thread-metrics", "commit-total", "kafka_streams_thread_commits", Kind.COUNTER, 1,
                    "Commits of the stream thread"),
            new Export("stream-thread-metrics", "commit-latency-avg", "kafka_streams_thread_commit_latency_avg_seconds", Kind.GAUGE,
                    MILLIS, "Average commit latency of the stream thread"),
            new Export("stream-thread-metrics", "commit-latency-max", "kafka_streams_thread_commit_latency_max_seconds", Kind.GAUGE,
                    MILLIS, "Longest commit of the stream thread in the metrics window"),
            new Export("stream-thread-metrics", "thread-state", "kafka_streams_thread_state", Kind.STATE, 1,
                    "1 for the stream thread's current state"),
            new Export("stream-metrics", "alive-stream-threads", "kafka_streams_alive_stream_threads", Kind.GAUGE, 1,
                    "Stream threads alive in this node"),
            new Export("stream-metrics", "failed-stream-threads", "kafka_streams_failed_stream_threads", Kind.COUNTER, 1,
                    "Stream threads that died since the node started (each is replaced)"),
            new Export("consumer-fetch-manager-metrics", "records-lag", "kafka_consumer_records_lag", Kind.GAUGE, 1,
                    "Records between the consumer's position and the partition's end"),
            new Export("consumer-fetch-manager-metrics", "records-lag-max", "kafka_consumer_records_lag_max", Kind.GAUGE, 1,
                    "Largest partition lag of the consumer in the metrics window"),
            new Export("consumer-coordinator-metrics", "rebalance-total", "kafka_consumer_rebalances", Kind.COUNTER, 1,
                    "Rebalances the consumer took part in"));

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;

    KafkaClientMetrics(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        this.metrics = metrics;
    }

    @Override
    public MetricSnapshots collect() {
        Map<Export, List<Map.Entry<MetricName, Object>>> found = new LinkedHashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.get().entrySet()) {
            Export export = exportOf(metric.getKey());
            if (export != null) {
                found.computeIfAbsent(export, e -> new ArrayList<>()).add(Map.entry(metric.getKey(), metric.getValue().metricValue()));
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        found.forEach((export, values) -> snapshots.add(snapshot(export, values)));
        return new MetricSnapshots(snapshots);
    }

    @Override
    public List<String> getPrometheusNames() {
        return EXPORTS.stream().map(Export::prometheusName).toList();
    }

    private static Export exportOf(MetricName name) {
        for (Export export : EXPORTS) {
            if (export.kafkaName().equals(name.name()) && export.group().equals(name.group())) {
                return export;
            }
        }
        return null;
    }

    private static MetricSnapshot snapshot(Export export, List<Map.Entry<MetricName, Object>> values) {
        if (export.kind() == Kind.COUNTER) {
            CounterSnapshot.Builder counter = CounterSnapshot.builder().name(export.prometheusName()).help(export.help());
            for (Map.Entry<MetricName, Object> value : values) {
                double number = number(value.getValue()) * export.scale();
                if (!Double.isNaN(number)) {
                    counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(value.getKey(), null)).value(number).build());
                }
            }
            return counter.build();
        }
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(export.prometheusName()).help(export.help());
        for (Map.Entry<MetricName, Object> value : values) {
            // A state metric's value is the state's name: one series with that name as a label, at 1.
            boolean state = export.kind() == Kind.STATE;
            double number = state ? 1 : number(value.getValue()) * export.scale();
            gauge.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(labels(value.getKey(), state ? String.valueOf(value.getValue()) : null)).value(number).build());
        }
        return gauge.build();
    }

    private static Labels labels(MetricName name, String state) {
        Labels.Builder labels = Labels.builder();
        name.tags().forEach((key, value) -> labels.label(key.replace('-', '_'), value));
        if (state != null) {
            labels.label("state", state);
        }
        return labels.build();
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
