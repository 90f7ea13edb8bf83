package org.eventbooking.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** Runs work inside a started span: current, with its ids in the log context; a failure is recorded; the span ends. */
public final class SpanWork {

    private SpanWork() {
    }

    public static void run(Span span, Runnable work) {
        try (Scope scope = span.makeCurrent(); TraceLogFields logFields = TraceLogFields.of(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
