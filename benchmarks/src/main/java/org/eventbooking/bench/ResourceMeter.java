package org.eventbooking.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the measured phase spent its CPU, and how many records the engine produced: tells whether
 * the stream thread is busy (CPU-bound) or waits (on commits, on the broker), and how close the
 * records written per command bring the run to the produce ceiling.
 */
final class ResourceMeter {

    private static final String PRODUCED_RECORDS = "record-send-total";
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
    private static final Pattern STREAMS_PRODUCER_IO = Pattern.compile("kafka-producer-network-thread \\| .*-StreamThread-\\d+-producer");
    private static final Pattern ANY = Pattern.compile(".*");
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux counts /proc/stat in USER_HZ ticks, 100 per second on every common kernel. */
    private static final long NS_PER_TICK = 10_000_000L;

    private final KafkaStreams streams;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU nanoseconds and produced records at one instant. */
    record Snapshot(long wallNs, long streamThreadCpuNs, long producerIoCpuNs, long javaThreadsCpuNs, long processCpuNs,
                    long childrenCpuNs, long machineBusyNs, double producedRecords) {
    }

    /**
     * The difference between two snapshots: cores busy on average, and records produced. What the
     * process used beyond its Java threads ran on native threads: JIT compilers, the garbage
     * collector, RocksDB's flushes and compactions.
     */
    record Usage(double streamThreadCores, double producerIoCores, double otherJavaThreadsCores, double jvmOwnThreadsCores,
                 double engineJvmCores, double brokerCores, double machineCores, double producedRecords) {
    }

    ResourceMeter(KafkaStreams streams) {
        this.streams = streams;
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), javaThreadsCpuNs(STREAM_THREAD), javaThreadsCpuNs(STREAMS_PRODUCER_IO),
                javaThreadsCpuNs(ANY), os.getProcessCpuTime(), childrenCpuNs(), machineBusyNs(), producedRecords());
    }

    static Usage between(Snapshot from, Snapshot to) {
        double wall = to.wallNs() - from.wallNs();
        double streamThread = (to.streamThreadCpuNs() - from.streamThreadCpuNs()) / wall;
        double producerIo = (to.producerIoCpuNs() - from.producerIoCpuNs()) / wall;
        double javaThreads = (to.javaThreadsCpuNs() - from.javaThreadsCpuNs()) / wall;
        double process = (to.processCpuNs() - from.processCpuNs()) / wall;
        return new Usage(streamThread, producerIo, javaThreads - streamThread - producerIo, process - javaThreads, process,
                (to.childrenCpuNs() - from.childrenCpuNs()) / wall,
                (to.machineBusyNs() - from.machineBusyNs()) / wall,
                to.producedRecords() - from.producedRecords());
    }

    /** CPU time of the live Java threads whose name matches. */
    private long javaThreadsCpuNs(Pattern name) {
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadInfo(ids))
                .filter(Objects::nonNull)
                .filter(info -> name.matcher(info.getThreadName()).matches())
                .mapToLong(ThreadInfo::getThreadId)
                .map(threads::getThreadCpuTime)
                .filter(ns -> ns > 0)
                .sum();
    }

    /** CPU time of this JVM: every thread, Java or native. */
    static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The local broker runs as a child JVM; with {@code --bootstrap} there is none and this stays 0. */
    static long childrenCpuNs() {
        return ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /**
     * CPU time of the whole machine outside idle and iowait: what other processes (a parallel
     * build, say) take shows as the difference to engine + broker, and explains a noisy run.
     */
    static long machineBusyNs() {
        try {
            String[] ticks = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < ticks.length; i++) {
                busy += (i == 4 || i == 5) ? 0 : Long.parseLong(ticks[i]);
            }
            return busy * NS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux: the line then reads 0
        }
    }

    /**
     * How the stream thread spent its time over the metrics' recent window (about 30 s), as Kafka
     * Streams reports it: processing, committing (flushing the stores and the producer, then the
     * transaction; mostly waiting for the broker), polling, punctuating.
     */
    String streamThreadTimeShares() {
        StringBuilder shares = new StringBuilder();
        for (String phase : List.of("process", "commit", "poll", "punctuate")) {
            shares.append(String.format("%s %.0f%%  ", phase, 100 * threadMetric(phase + "-ratio")));
        }
        return shares.append(String.format("(a commit takes %.0f ms)", threadMetric("commit-latency-avg"))).toString();
    }

    private double threadMetric(String name) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("stream-thread-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElse(Double.NaN);
    }

    private double producedRecords() {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(PRODUCED_RECORDS) && e.getKey().group().equals("producer-metrics"))
                .map(Map.Entry::getValue)
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }
}
