package org.eventbooking.topology.internals;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.eventbooking.topology.RecordHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every command processor sends besides its events: replies and dead letters. */
final class RecordForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(RecordForwarding.class);

    private RecordForwarding() {
    }

    /**
     * Sends a reply's JSON keyed by the command's correlation id (its command id when it has none),
     * with the command's headers, so the reply partition header picks where it goes.
     */
    static void reply(ProcessorContext<String, Object> context, Record<String, byte[]> command, String commandId,
                      byte[] reply, String sink) {
        Header correlation = command.headers().lastHeader(RecordHeaderNames.CORRELATION_ID);
        String key = correlation != null ? utf8(correlation.value()) : commandId;
        context.forward(new Record<String, Object>(key, reply, context.currentSystemTimeMs(), copy(command.headers())), sink);
    }

    /** Sends a record as it came, with why it could not be processed and where it came from. */
    static void deadLetter(ProcessorContext<String, Object> context, Record<String, byte[]> record, RuntimeException cause, String sink) {
        Headers headers = copy(record.headers());
        headers.add(RecordHeaderNames.DLQ_REASON, utf8(String.valueOf(cause.getMessage())));
        headers.add(RecordHeaderNames.DLQ_EXCEPTION, utf8(cause.getClass().getName()));
        context.recordMetadata().ifPresent(source -> addSource(headers, source));
        LOG.warn("record sent to the dead-letter topic: {}", cause.toString());
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers), sink);
    }

    private static void addSource(Headers headers, RecordMetadata source) {
        headers.add(RecordHeaderNames.DLQ_TOPIC, utf8(source.topic()));
        headers.add(RecordHeaderNames.DLQ_PARTITION, utf8(Integer.toString(source.partition())));
        headers.add(RecordHeaderNames.DLQ_OFFSET, utf8(Long.toString(source.offset())));
    }

    static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
