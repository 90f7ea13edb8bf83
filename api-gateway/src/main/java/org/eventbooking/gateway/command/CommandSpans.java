package org.eventbooking.gateway.command;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eventbooking.tracing.KafkaHeaderCarrier;

/**
 * A producer span per command, from the send until its committed reply: the engine's processing
 * span is its child (the record's {@code traceparent} is replaced by this span's context), so a
 * trace shows where a request waited: in the broker, in the engine or for the commit.
 */
final class CommandSpans {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final Tracer tracer;

    CommandSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.eventbooking.gateway.command");
    }

    /** Opens the span under the record's {@code traceparent}, puts its own there, and ends it with {@code reply}. */
    void sending(ProducerRecord<String, byte[]> record, CompletableFuture<?> reply) {
        Context parent = W3C.extract(Context.root(), record.headers(), KafkaHeaderCarrier.INSTANCE);
        Span span = tracer.spanBuilder(record.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", record.key())
                .startSpan();
        W3C.inject(Context.root().with(span), record.headers(), KafkaHeaderCarrier.INSTANCE);
        reply.whenComplete((result, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
    }
}
