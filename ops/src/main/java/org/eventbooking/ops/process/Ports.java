package org.eventbooking.ops.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Whether a loopback port can still be bound. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago, for a server about to bind it. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on the loopback interface", e);
        }
    }

    /**
     * The first of {@code count} consecutive ports that were free a moment ago (node n gets
     * {@code first + n - 1}), below Linux's ephemeral range (32768 on): a server restarted on its
     * port must find it free, and clients retrying a dead server's ephemeral port can take it
     * themselves (a TCP self-connect).
     */
    public static int freeRange(int count) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_768 - count);
            if (IntStream.range(0, count).allMatch(offset -> isFree(first + offset))) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in 20000..32767 on the loopback interface");
    }

    /** True when nothing listens on {@code 127.0.0.1:port} (and nothing else holds it). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
