package org.eventbooking.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Puts a span's ids into the logging context ({@code trace_id}, {@code span_id}), so a log line
 * written while a request or command is handled can be found from its trace, and back.
 */
public final class TraceLogFields implements AutoCloseable {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    private TraceLogFields() {
    }

    /** Sets the fields of {@code span} until {@link #close()}. */
    public static TraceLogFields of(Span span) {
        set(span);
        return new TraceLogFields();
    }

    /** Sets the fields of {@code span}, or removes them when it has no valid ids (tracing off, no parent). */
    public static void set(Span span) {
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        } else {
            clear();
        }
    }

    public static void clear() {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }

    @Override
    public void close() {
        clear();
    }
}
