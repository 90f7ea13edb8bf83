package org.eventbooking.gateway.http;

import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eventbooking.tracing.TraceLogFields;
import org.slf4j.MDC;

/**
 * One server span per request, continuing the caller's W3C {@code traceparent}, and the request id
 * ({@code X-Request-Id}, taken from nginx or made here) in the response and the logging context.
 * Commands carry the span's context on, so the engine's processing joins the request's trace. With
 * tracing off the spans are no-ops and a caller's {@code traceparent} is passed on unchanged.
 */
final class Traces {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID_LOG_FIELD = "request_id";
    private static final String SPAN_ATTRIBUTE = "booking.server-span";
    private static final String INSTRUMENTATION = "org.eventbooking.gateway.http";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Context> REQUEST_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return ctx.headerMap().keySet();
        }

        @Override
        public String get(Context ctx, String key) {
            return ctx == null ? null : ctx.header(key);
        }
    };

    private final Tracer tracer;

    Traces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** Before any handler: opens the request's span and sets the request id. */
    void start(Context ctx) {
        Span span = tracer.spanBuilder(ctx.method().name())
                .setParent(W3C.extract(io.opentelemetry.context.Context.root(), ctx, REQUEST_HEADERS))
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", ctx.method().name())
                .setAttribute("url.path", ctx.path())
                .startSpan();
        String requestId = requestId(ctx);
        span.setAttribute("booking.request_id", requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);
        ctx.attribute(SPAN_ATTRIBUTE, span);
        MDC.put(REQUEST_ID_LOG_FIELD, requestId);
        TraceLogFields.set(span);
    }

    /** When the response is done (also after an asynchronous handler): names the span by its route and ends it. */
    void end(Context ctx, String route) {
        Span span = ctx.attribute(SPAN_ATTRIBUTE);
        if (span == null) {
            return;
        }
        int status = ctx.statusCode();
        span.updateName(ctx.method().name() + " " + route);
        span.setAttribute("http.route", route);
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        MDC.remove(REQUEST_ID_LOG_FIELD);
        TraceLogFields.clear();
    }

    /** The {@code traceparent} for the commands this request causes, or null when there is no trace. */
    static String traceparent(Context ctx) {
        Span span = ctx.attribute(SPAN_ATTRIBUTE);
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(io.opentelemetry.context.Context.root().with(span), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private static String requestId(Context ctx) {
        String given = ctx.header(REQUEST_ID_HEADER);
        return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
