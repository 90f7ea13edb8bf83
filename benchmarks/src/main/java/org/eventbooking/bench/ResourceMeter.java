package org.eventbooking.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux counts /proc/stat in USER_HZ ticks, 100 per second on every common kernel. */
    private static final long NS_PER_TICK = 10_000_000L;

    private final KafkaStreams streams;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU nanoseconds and produced records at one instant. */
    record Snapshot(long wallNs, long streamThreadCpuNs, long processCpuNs, long childrenCpuNs, long machineBusyNs,
                    double producedRecords) {
    }

    /** The difference between two snapshots: cores busy on average, and records produced. */
    record Usage(double streamThreadCores, double engineJvmCores, double brokerCores, double machineCores, double producedRecords) {
    }

    ResourceMeter(KafkaStreams streams) {
        this.streams = streams;
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), streamThreadCpuNs(), os.getProcessCpuTime(), childrenCpuNs(), machineBusyNs(),
                producedRecords());
    }

    static Usage between(Snapshot from, Snapshot to) {
        double wall = to.wallNs() - from.wallNs();
        return new Usage((to.streamThreadCpuNs() - from.streamThreadCpuNs()) / wall,
                (to.processCpuNs() - from.processCpuNs()) / wall,
                (to.childrenCpuNs() - from.childrenCpuNs()) / wall,
                (to.machineBusyNs() - from.machineBusyNs()) / wall,
                to.producedRecords() - from.producedRecords());
    }

    private long streamThreadCpuNs() {
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadInfo(ids))
                .filter(Objects::nonNull)
                .filter(info -> STREAM_THREAD.matcher(info.getThreadName()).matches())
                .mapToLong(ThreadInfo::getThreadId)
                .map(threads::getThreadCpuTime)
                .filter(ns -> ns > 0)
                .sum();
    }

    /** The local broker runs as a child JVM; with {@code --bootstrap} there is none and this stays 0. */
    private static long childrenCpuNs() {
        return ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /**
     * CPU time of the whole machine outside idle and iowait: what other processes (a parallel
     * build, say) take shows as the difference to engine + broker, and explains a noisy run.
     */
    private static long machineBusyNs() {
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

    private double producedRecords() {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(PRODUCED_RECORDS) && e.getKey().group().equals("producer-metrics"))
                .map(Map.Entry::getValue)
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }
}
