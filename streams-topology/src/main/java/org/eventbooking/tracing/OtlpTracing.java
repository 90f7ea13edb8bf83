package org.eventbooking.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * A process's OpenTelemetry (a node's, the projection sink's): an SDK exporting over OTLP/HTTP when
 * an endpoint is set, else the no-op.
 */
public final class OtlpTracing {

    private static final String TRACES_PATH = "/v1/traces";

    private OtlpTracing() {
    }

    /** The OpenTelemetry for {@code settings}; the caller closes it (an SDK flushes its spans on close). */
    public static OpenTelemetry create(TracingSettings settings, String instanceId) {
        if (!settings.enabled()) {
            return OpenTelemetry.noop();
        }
        String endpoint = settings.otlpEndpoint().replaceAll("/+$", "");
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.endsWith(TRACES_PATH) ? endpoint : endpoint + TRACES_PATH).build();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", settings.serviceName())
                .put("service.instance.id", instanceId).build()));
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        return OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }
}
