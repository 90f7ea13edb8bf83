package org.eventbooking.gateway.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiDocsHttpTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(ApiDocs::install).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void serves_the_openapi_document_as_json() throws Exception {
        HttpResponse<String> response = get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(response.body()).path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void serves_a_swagger_ui_page_pointing_at_the_document() throws Exception {
        HttpResponse<String> response = get("/docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("swagger-ui-bundle.js", "swagger-ui.css", "url: \"/openapi.json\"");
    }

    @Test
    void serves_the_swagger_ui_assets_the_page_loads() throws Exception {
        String assets = "/webjars/swagger-ui/" + ApiDocs.swaggerUiVersion();

        assertThat(get(assets + "/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get(assets + "/swagger-ui.css").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
