package org.eventbooking.gateway.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** The W3C trace context of a request, carried into the commands it causes. */
final class Traces {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traces() {
    }

    /** The caller's {@code traceparent} when well-formed, else null. */
    static String traceparent(Context ctx) {
        String header = ctx.header("traceparent");
        return header != null && TRACEPARENT.matcher(header).matches() ? header : null;
    }
}
