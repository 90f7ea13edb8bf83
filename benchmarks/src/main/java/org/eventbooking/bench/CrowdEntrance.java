package org.eventbooking.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.eventbooking.gateway.GatewayNode;
import org.eventbooking.ops.process.NginxServer;

/**
 * Where a crowd reaches the platform: through nginx running the repository's {@code nginx/}
 * configuration (TLS, the proxy settings, the limits) in front of the node when nginx is installed,
 * else the node itself.
 */
final class CrowdEntrance implements AutoCloseable {

    /** ./booking runs the benchmarks from the repository root. */
    private static final Path NGINX_CONFIG = Path.of("nginx");
    /**
     * The whole crowd comes from 127.0.0.1, where real customers each have their own address: the
     * per-address API limit is keyed by the customer's token instead, so each is limited as one
     * client would be, not all of them as one.
     */
    private static final Map<String, String> ONE_ADDRESS_PER_CUSTOMER = Map.of(
            "limit_req_zone $binary_remote_addr zone=api:", "limit_req_zone $http_authorization zone=api:");

    private final String baseUrl;
    private final Optional<SSLContext> tls;
    private final Optional<NginxServer> nginx;

    private CrowdEntrance(String baseUrl, Optional<SSLContext> tls, Optional<NginxServer> nginx) {
        this.baseUrl = baseUrl;
        this.tls = tls;
        this.nginx = nginx;
    }

    static CrowdEntrance open(GatewayNode node, Path workDir, boolean skipNginx) {
        if (skipNginx || !nginxInstalled()) {
            System.out.println(skipNginx ? "nginx: skipped (--no-nginx), the crowd goes straight to the node"
                    : "nginx: not installed (scripts/ensure-packages.sh nginx), the crowd goes straight to the node");
            return new CrowdEntrance(node.baseUrl(), Optional.empty(), Optional.empty());
        }
        String address = "127.0.0.1:" + node.port();
        NginxServer nginx = NginxServer.start(NGINX_CONFIG, workDir, Map.of("gateway-1:8080", address, "gateway-2:8080", address),
                ONE_ADDRESS_PER_CUSTOMER, "<!doctype html><title>Event Booking</title>");
        System.out.printf("nginx at %s in front of the node (nginx/ with TLS; API limit per customer token)%n", nginx.httpsUrl(""));
        return new CrowdEntrance(nginx.httpsUrl(""), Optional.of(nginx.trustingSslContext()), Optional.of(nginx));
    }

    private static boolean nginxInstalled() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "nginx")));
    }

    String baseUrl() {
        return baseUrl;
    }

    RequestGate gate(int connections, int clients, String threadName) {
        return RequestGate.withOwnClients(connections, clients, threadName, tls);
    }

    @Override
    public void close() {
        nginx.ifPresent(NginxServer::close);
    }
}
