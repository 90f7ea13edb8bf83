package org.eventbooking.gateway;

import java.util.concurrent.CountDownLatch;

/** Runs one node with the configuration from the environment until SIGTERM or Ctrl-C. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("booking node: " + e.getMessage());
            System.exit(2);
            return;
        }
        GatewayNode node = GatewayNode.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "node-shutdown"));
        System.out.println("NODE_READY url=" + node.baseUrl());
        stopped.await();
    }
}
