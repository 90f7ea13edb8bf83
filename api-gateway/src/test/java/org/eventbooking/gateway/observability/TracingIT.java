package org.eventbooking.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.SingleNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One hold is one trace: the node's server span → the command's producer span → the engine's processing span. */
class TracingIT {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    @RegisterExtension
    static final SingleNode NODE = SingleNode.tracedBy("tracing-1", SDK);
    private static final Api api = NODE.api();

    @AfterAll
    static void stop() {
        SDK.close();
    }

    @Test
    void a_hold_is_one_trace_from_the_http_request_through_the_engine() {
        String organizer = api.signUp("organizer");
        String customer = api.signUp("customer");
        String eventId = api.createEvent(organizer, 1, 10, 600);
        SPANS.reset();

        Api.Reply held = api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-3")), null);
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.header("X-Request-Id")).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData server = only(SpanKind.SERVER, "POST /api/events/{eventId}/holds", null);
            // Spans of the set-up's commands may still end after the reset: look within the hold's trace.
            SpanData publish = only(SpanKind.PRODUCER, "booking-commands publish", server.getTraceId());
            SpanData process = only(SpanKind.CONSUMER, "booking-commands process", server.getTraceId());
            assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
            assertThat(server.getAttributes().asMap().toString()).contains(held.header("X-Request-Id"));
        });
    }

    @Test
    void a_callers_traceparent_is_continued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Api.Reply reply = api.send("GET", "/health", null, null, Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(reply.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(SPANS.getFinishedSpanItems()).anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
                }));
    }

    /** The one finished span of this kind and name, in trace {@code traceId} unless that is null. */
    private static SpanData only(SpanKind kind, String name, String traceId) {
        List<SpanData> found = SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind && span.getName().equals(name))
                .filter(span -> traceId == null || span.getTraceId().equals(traceId)).toList();
        assertThat(found).as("%s spans named %s in %s", kind, name, SPANS.getFinishedSpanItems()).hasSize(1);
        return found.get(0);
    }
}
