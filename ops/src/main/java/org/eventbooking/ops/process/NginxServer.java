package org.eventbooking.ops.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real nginx (the Debian package) running the repository's {@code nginx/} configuration as a child
 * process, not a daemon, under a private prefix: its own pid file, logs, temp paths, certificate and
 * static root, loopback ports above 1024, and the gateway upstream pointed at the given addresses.
 * Only those deployment-specific strings are replaced, and each replacement must match, so a change
 * to the production files cannot silently escape the tests and benchmarks that run it.
 */
public final class NginxServer implements AutoCloseable {

    private static final Path DEBIAN_MIME_TYPES = Path.of("/etc/nginx/mime.types");

    private final Path prefix;
    private final int httpPort;
    private final int httpsPort;
    private final ProcessRun configTest;
    private final Process process;

    private NginxServer(Path prefix, int httpPort, int httpsPort, ProcessRun configTest, Process process) {
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.configTest = configTest;
        this.process = process;
    }

    /**
     * Lays out the configuration of {@code configDir} (the repository's {@code nginx/}) under a new
     * directory in {@code workDir}, checks it with {@code nginx -t} and starts nginx.
     *
     * @param gateways     the upstream's host:port (gateway-1:8080) to a local address
     * @param replacements further text to replace in the configuration, each of which must occur
     * @param webContent   written to the static root as index.html
     */
    public static NginxServer start(Path configDir, Path workDir, Map<String, String> gateways, Map<String, String> replacements,
                                    String webContent) {
        Path source = configDir.toAbsolutePath();
        try {
            Path prefix = Files.createTempDirectory(Files.createDirectories(workDir), "nginx-").toAbsolutePath();
            for (String dir : List.of("logs", "cache", "web", "conf.d", "snippets")) {
                Files.createDirectories(prefix.resolve(dir));
            }
            Files.writeString(prefix.resolve("web/index.html"), webContent);
            if (!Files.isRegularFile(DEBIAN_MIME_TYPES)) {
                throw new IllegalStateException(DEBIAN_MIME_TYPES + " is missing: install nginx (scripts/ensure-packages.sh nginx)");
            }
            Files.copy(DEBIAN_MIME_TYPES, prefix.resolve("mime.types"));
            ProcessRun cert = ProcessRun.of(prefix, source.resolve("make-self-signed-cert.sh").toString(),
                    prefix.resolve("certs").toString());
            if (cert.exitCode() != 0) {
                throw new IllegalStateException(cert.toString());
            }
            int httpPort = Ports.free();
            int httpsPort = Ports.free();
            Map<String, String> edits = new LinkedHashMap<>(replacements);
            edits.put("pid /var/run/nginx.pid;", "pid " + prefix.resolve("nginx.pid") + ";");
            edits.put("/var/log/nginx/", prefix.resolve("logs") + "/");
            edits.put("/var/cache/nginx/", prefix.resolve("cache") + "/");
            edits.put("/etc/nginx/certs/", prefix.resolve("certs") + "/");
            edits.put("/srv/booking/web", prefix.resolve("web").toString());
            edits.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
            edits.put("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;");
            gateways.forEach((upstream, local) -> edits.put("server " + upstream + " ", "server " + local + " "));
            if ("root".equals(System.getProperty("user.name"))) {
                // Workers started by root would run as the image's user nginx, absent here.
                edits.put("user nginx;", "user root;");
            }
            copyConfiguration(source, prefix, edits);

            List<String> nginx = List.of("nginx", "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(),
                    "-e", prefix.resolve("logs/startup.log").toString());
            ProcessRun configTest = ProcessRun.of(prefix, Stream.concat(nginx.stream(), Stream.of("-t")).toArray(String[]::new));
            if (configTest.exitCode() != 0) {
                throw new IllegalStateException("nginx -t failed: " + configTest);
            }
            Process process = new ProcessBuilder(Stream.concat(nginx.stream(), Stream.of("-g", "daemon off;")).toList())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
            NginxServer started = new NginxServer(prefix, httpPort, httpsPort, configTest, process);
            await().atMost(Duration.ofSeconds(15)).until(() -> started.listening(httpsPort) && started.listening(httpPort));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx", e);
        }
    }

    private static void copyConfiguration(Path source, Path prefix, Map<String, String> replacements) throws IOException {
        Map<String, Integer> uses = new LinkedHashMap<>();
        replacements.keySet().forEach(key -> uses.put(key, 0));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                String text = Files.readString(file);
                for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                    if (text.contains(replacement.getKey())) {
                        uses.merge(replacement.getKey(), 1, Integer::sum);
                        text = text.replace(replacement.getKey(), replacement.getValue());
                    }
                }
                Files.writeString(prefix.resolve(source.relativize(file).toString()), text);
            }
        }
        uses.forEach((key, count) -> {
            if (count == 0) {
                throw new IllegalStateException("'" + key + "' no longer occurs in nginx/: update NginxServer's callers with the production config");
            }
        });
    }

    private boolean listening(int port) {
        if (!process.isAlive()) {
            throw new IllegalStateException("nginx exited " + process.exitValue() + ", see " + prefix.resolve("logs"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    public ProcessRun configTest() {
        return configTest;
    }

    public String httpsUrl(String path) {
        return "https://127.0.0.1:" + httpsPort + path;
    }

    public String httpUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public Path certificate() {
        return prefix.resolve("certs/booking.crt");
    }

    /** TLS that trusts this server's self-signed certificate, for clients of {@link #httpsUrl}. */
    public SSLContext trustingSslContext() {
        try (InputStream in = Files.newInputStream(certificate())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("booking", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + certificate(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + certificate(), e);
        }
    }

    public Path accessLog() {
        return prefix.resolve("logs/access.log");
    }

    @Override
    public void close() {
        // SIGTERM: nginx's fast shutdown; the master stops its workers.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
