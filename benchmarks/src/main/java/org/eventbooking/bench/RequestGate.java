package org.eventbooking.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code connections} requests on the wire, like a proxy's keep-alive pool in front of the
 * node; the rest wait here in arrival order. Their latency still runs from when they were due.
 */
final class RequestGate {

    private final List<HttpClient> clients = new ArrayList<>();
    private final Semaphore connections;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();

    RequestGate(int connections, int clientCount) {
        this.connections = new Semaphore(connections);
        for (int i = 0; i < clientCount; i++) {
            int index = i;
            // Each client reads its responses on its own threads, so one slow callback delays no other client.
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(2, runnable -> {
                        Thread thread = new Thread(runnable, "flash-sale-client-" + index);
                        thread.setDaemon(true);
                        return thread;
                    })).build());
        }
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
        waiting.add(() -> {
            HttpClient client = clients.get((int) (sent.getAndIncrement() % clients.size()));
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                connections.release();
                sendWaiting();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(response);
                }
            });
        });
        sendWaiting();
        return result;
    }

    private void sendWaiting() {
        while (!waiting.isEmpty() && connections.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                connections.release();
                return;
            }
            next.run();
        }
    }
}
