package org.eventbooking.tracing;

/**
 * Where and how much a process (a node, the projection sink) traces.
 *
 * @param otlpEndpoint the OTLP/HTTP endpoint spans are sent to (Jaeger: {@code http://jaeger:4318});
 *                     blank turns tracing off, and then it costs nothing
 * @param sampleRatio  the share of new traces recorded, 0 to 1; a request that arrives with a
 *                     sampled {@code traceparent} is always recorded (parent-based)
 * @param serviceName  the service the spans are reported under
 */
public record TracingSettings(String otlpEndpoint, double sampleRatio, String serviceName) {

    public TracingSettings {
        if (!(sampleRatio >= 0 && sampleRatio <= 1)) {
            throw new IllegalArgumentException("BOOKING_TRACE_SAMPLE_RATIO must be between 0 and 1, got " + sampleRatio);
        }
    }

    public boolean enabled() {
        return !otlpEndpoint.isBlank();
    }
}
