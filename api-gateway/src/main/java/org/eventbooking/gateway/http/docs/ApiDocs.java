package org.eventbooking.gateway.http.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;

/**
 * Serves the hand-written OpenAPI document of DESIGN §4 at {@code /openapi.json} and Swagger UI at
 * {@code /docs}. The document is written by hand because it is the contract; the gateway's tests
 * compare {@link #documentedOperations()} with the routes the app really registers.
 */
public final class ApiDocs {

    public static final String OPENAPI_PATH = "/openapi.json";
    public static final String DOCS_PATH = "/docs";
    /** Where the document lives on the classpath. */
    private static final String OPENAPI_RESOURCE = "/openapi.json";

    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocs() {
    }

    /** Registers both routes and Javalin's webjar hosting ({@code /webjars/...}), which Swagger UI loads from. */
    public static void install(JavalinConfig config) {
        byte[] document = openApiDocument();
        String page = swaggerUiPage(swaggerUiVersion());
        config.staticFiles.enableWebjars();
        config.routes.get(OPENAPI_PATH, ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(document));
        config.routes.get(DOCS_PATH, ctx -> ctx.html(page));
    }

    /** Every operation of the document as {@code "METHOD /path"}, for example {@code "GET /api/events/{eventId}"}. */
    public static List<String> documentedOperations() {
        JsonNode paths = readTree(openApiDocument()).path("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> field : path.getValue().properties()) {
                // A path item also holds "parameters" and "summary"; only method keys are operations.
                if (HTTP_METHODS.contains(field.getKey())) {
                    operations.add(field.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return List.copyOf(operations);
    }

    /** The raw document, exactly as served. */
    static byte[] openApiDocument() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(OPENAPI_RESOURCE + " is not valid JSON", e);
        }
    }

    /** Webjar URLs carry the version; reading it from the jar keeps the page right after an upgrade. */
    static String swaggerUiVersion() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(SWAGGER_UI_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swaggerUiPage(String version) {
        String assets = "/webjars/swagger-ui/" + version;
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Event Booking API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({ url: "%2$s", dom_id: "#swagger-ui" });
                  </script>
                </body>
                </html>
                """.formatted(assets, OPENAPI_PATH);
    }
}
