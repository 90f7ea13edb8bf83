package org.eventbooking.sink.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTracingTest {

    private static final String HOLD_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HOLD_SPAN = "00f067aa0ba902b7";
    private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String OTHER_SPAN = "b7ad6b7169203331";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final BatchTracing tracing = new BatchTracing(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .build());

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void a_batch_of_one_trace_is_a_child_of_the_span_its_facts_carry() {
        tracing.start(List.of(record(0, traceparent(HOLD_TRACE, HOLD_SPAN)), record(1, null),
                record(2, traceparent(HOLD_TRACE, HOLD_SPAN)))).end();

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo(BatchTracing.SPAN_NAME);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getTraceId()).isEqualTo(HOLD_TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(HOLD_SPAN);
        assertThat(span.getLinks()).isEmpty();
        assertThat(span.getAttributes().asMap()).containsEntry(
                AttributeKey.longKey("messaging.batch.message_count"), 3L);
    }

    @Test
    void a_batch_of_several_traces_starts_its_own_trace_linked_to_each() {
        tracing.start(List.of(record(0, traceparent(HOLD_TRACE, HOLD_SPAN)),
                record(1, traceparent(OTHER_TRACE, OTHER_SPAN).getBytes(StandardCharsets.UTF_8)))).end();

        SpanData span = onlySpan();
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getTraceId()).isNotIn(HOLD_TRACE, OTHER_TRACE);
        assertThat(span.getLinks()).extracting(LinkData::getSpanContext).extracting(SpanContext::getTraceId, SpanContext::getSpanId)
                .containsExactly(tuple(HOLD_TRACE, HOLD_SPAN),
                        tuple(OTHER_TRACE, OTHER_SPAN));
    }

    @Test
    void a_batch_without_trace_context_is_a_root_span_without_links() {
        tracing.start(List.of(record(0, null), record(1, "not a traceparent"))).end();

        SpanData span = onlySpan();
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getLinks()).isEmpty();
    }

    private SpanData onlySpan() {
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        return exported.getFinishedSpanItems().get(0);
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** A record as the worker hands it over; the header as a string or bytes, as header converters make it. */
    private static SinkRecord record(long offset, Object traceparent) {
        ConnectHeaders headers = new ConnectHeaders();
        if (traceparent != null) {
            headers.add("traceparent", traceparent, null);
        }
        return new SinkRecord("booking-events", 0, null, "event-1", null, new byte[0], offset, null, null, headers);
    }
}
