package org.eventbooking.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** A Server-Sent Events client that keeps each data line it receives with the time it arrived. */
final class SseSubscriber implements Flow.Subscriber<String>, AutoCloseable {

    /** One event's data, as it arrived. */
    record Received(Instant at, String data) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;

    private SseSubscriber() {
    }

    /** Opens the stream at {@code url} and starts collecting; the lines arrive on the client's threads. */
    static SseSubscriber open(HttpClient client, String url) {
        SseSubscriber subscriber = new SseSubscriber();
        client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
        return subscriber;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** When the first event whose data contains {@code text} arrived, if one has. */
    Optional<Instant> arrivalOf(String text) {
        return received.stream().filter(r -> r.data().contains(text)).map(Received::at).findFirst();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (closed) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("data:")) {
            received.add(new Received(Instant.now(), line.substring("data:".length()).trim()));
        }
    }

    @Override
    public void onError(Throwable failure) {
        // The stream ended (the test closed it or the server went away); what arrived is kept.
    }

    @Override
    public void onComplete() {
        // As onError: nothing more will arrive.
    }

    /** Cancels the subscription, which closes the connection. */
    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
