package org.eventbooking.sink.tracing;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * A Connect record's headers as an OpenTelemetry propagation carrier, read-only. A header's value
 * is bytes or a string, whichever the worker's header converter made of it.
 */
enum ConnectHeaderCarrier implements TextMapGetter<Headers> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Headers headers) {
        return () -> StreamSupport.stream(headers.spliterator(), false).map(Header::key).iterator();
    }

    @Override
    public String get(Headers headers, String key) {
        Header header = headers == null ? null : headers.lastWithName(key);
        if (header == null || header.value() == null) {
            return null;
        }
        return header.value() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : header.value().toString();
    }
}
