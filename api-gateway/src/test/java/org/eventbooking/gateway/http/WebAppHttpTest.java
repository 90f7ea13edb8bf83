package org.eventbooking.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAppHttpTest {

    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path root;
    private Javalin app;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(root.resolve("index.html"), "<!DOCTYPE html><title>Event Booking</title>");
        Files.writeString(root.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createDirectories(root.resolve("assets"));
        Files.writeString(root.resolve("assets/index-Bx3kQ9aZ.js"), "console.log('app')");
        app = Javalin.create(config -> {
            WebApp.install(config, root);
            config.routes.get("/api/events", ctx -> ctx.result("api"));
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void serves_the_index_page_at_the_root_revalidated_on_every_load() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Event Booking</title>");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(WebApp.REVALIDATE);
        assertThat(get("/index.html").headers().firstValue("Cache-Control")).hasValue(WebApp.REVALIDATE);
    }

    @Test
    void caches_hashed_assets_for_a_year() throws Exception {
        HttpResponse<String> response = get("/assets/index-Bx3kQ9aZ.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("console.log('app')");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(WebApp.HASHED_ASSET_CACHING);
    }

    @Test
    void unhashed_files_beside_the_index_page_are_revalidated() throws Exception {
        assertThat(get("/favicon.svg").headers().firstValue("Cache-Control")).hasValue(WebApp.REVALIDATE);
    }

    @Test
    void api_routes_and_missing_files_are_not_shadowed() throws Exception {
        assertThat(get("/api/events").body()).isEqualTo("api");
        assertThat(get("/assets/missing-123.js").statusCode()).isEqualTo(404);
        assertThat(get("/../pom.xml").statusCode()).isIn(400, 404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
