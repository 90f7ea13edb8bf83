package org.eventbooking.topology;

import io.opentelemetry.api.OpenTelemetry;

/**
 * What the hosting process watches the engine with: an observer of its decisions and the
 * OpenTelemetry whose tracer spans each command's processing. {@link #none()} costs nothing.
 */
public record TopologyTelemetry(DecisionObserver decisions, OpenTelemetry openTelemetry) {

    public static TopologyTelemetry none() {
        return new TopologyTelemetry(DecisionObserver.NONE, OpenTelemetry.noop());
    }

    /** Whether command processing is traced: a no-op OpenTelemetry is not worth wrapping processors for. */
    public boolean tracing() {
        return openTelemetry != OpenTelemetry.noop();
    }
}
