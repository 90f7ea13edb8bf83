package org.eventbooking.topology.internals;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.eventbooking.tracing.KafkaHeaderCarrier;
import org.eventbooking.tracing.SpanWork;

/**
 * Runs a command processor inside a span whose parent is the command's {@code traceparent} header.
 * The header is then replaced by the span's own context: the events and the reply the command
 * causes carry copies of its headers, so whoever reads them continues the trace from here.
 * The W3C format is the platform's contract (DESIGN §2), whatever propagators the SDK was given.
 * A wrapper rather than code in the processor keeps the hot path free of tracing.
 */
public final class TracedCommandProcessor<KOut, VOut> implements Processor<String, byte[], KOut, VOut> {

    public static final String INSTRUMENTATION = "org.eventbooking.topology";

    private final Processor<String, byte[], KOut, VOut> delegate;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final String spanName;

    public TracedCommandProcessor(Processor<String, byte[], KOut, VOut> delegate, OpenTelemetry openTelemetry, String topic) {
        this.delegate = delegate;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = W3CTraceContextPropagator.getInstance();
        this.spanName = topic + " process";
    }

    @Override
    public void init(ProcessorContext<KOut, VOut> context) {
        delegate.init(context);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), KafkaHeaderCarrier.INSTANCE);
        Span span = tracer.spanBuilder(spanName).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.kafka.message.key", record.key())
                .startSpan();
        SpanWork.run(span, () -> {
            propagator.inject(Context.current(), record.headers(), KafkaHeaderCarrier.INSTANCE);
            delegate.process(record);
        });
    }

    @Override
    public void close() {
        delegate.close();
    }
}
