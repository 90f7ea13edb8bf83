package org.eventbooking.sink.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.eventbooking.sink.ProjectionSinkConfig;
import org.eventbooking.sink.metrics.BatchMetrics;
import org.eventbooking.tracing.OtlpTracing;

/**
 * One span per batch a task writes. The facts carry the {@code traceparent} of the command that
 * caused them (DESIGN §2): a batch whose traced records all belong to one span is that span's child,
 * so a hold's trace ends with its projection; a batch of several traces starts its own trace, linked
 * to each of theirs (at most {@value #MAX_LINKS}, the SDK's default limit).
 */
public final class BatchTracing implements AutoCloseable {

    public static final String INSTRUMENTATION = "org.eventbooking.sink";
    public static final String SPAN_NAME = "projection write";
    private static final int MAX_LINKS = 128;

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

    /** Spans of {@code openTelemetry}; closing this closes it when it is an SDK. */
    public BatchTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** The task's tracing as configured: the no-op (free) unless an OTLP endpoint is set. */
    public static BatchTracing of(ProjectionSinkConfig config, Map<String, String> taskProps) {
        String task = taskProps.getOrDefault(BatchMetrics.TASK_ID, "0");
        return new BatchTracing(OtlpTracing.create(config.tracing, config.tracing.serviceName() + "-task-" + task));
    }

    /** Starts the span of writing {@code batch}; the caller ends it. */
    public Span start(Collection<SinkRecord> batch) {
        List<SpanContext> causes = causes(batch);
        SpanBuilder span = tracer.spanBuilder(SPAN_NAME).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.batch.message_count", batch.size())
                .setAttribute("db.system", "postgresql");
        if (causes.size() == 1) {
            span.setParent(Context.root().with(Span.wrap(causes.get(0))));
        } else {
            span.setNoParent();
            causes.stream().limit(MAX_LINKS).forEach(span::addLink);
        }
        return span.startSpan();
    }

    /** The distinct valid span contexts in the batch's {@code traceparent} headers, in batch order. */
    private List<SpanContext> causes(Collection<SinkRecord> batch) {
        Set<SpanContext> causes = new LinkedHashSet<>();
        for (SinkRecord record : batch) {
            SpanContext cause = Span.fromContext(
                    propagator.extract(Context.root(), record.headers(), ConnectHeaderCarrier.INSTANCE)).getSpanContext();
            if (cause.isValid()) {
                causes.add(cause);
            }
        }
        return List.copyOf(causes);
    }

    @Override
    public void close() {
        // An SDK flushes the spans it still holds on close.
        if (openTelemetry instanceof Closeable sdk) {
            try {
                sdk.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the task's tracing", e);
            }
        }
    }
}
