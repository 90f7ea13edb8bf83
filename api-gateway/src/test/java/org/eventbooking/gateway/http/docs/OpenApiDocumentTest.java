package org.eventbooking.gateway.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    /** DESIGN §4, route by route. */
    private static final List<String> CONTRACT = List.of(
            "POST /api/auth/register",
            "POST /api/auth/login",
            "POST /api/auth/logout",
            "POST /api/events",
            "GET /api/events",
            "GET /api/events/{eventId}",
            "POST /api/events/{eventId}/cancel",
            "GET /api/events/{eventId}/availability",
            "GET /api/events/{eventId}/availability/stream",
            "POST /api/events/{eventId}/holds",
            "GET /api/bookings/{bookingId}",
            "GET /api/me/bookings",
            "DELETE /api/bookings/{bookingId}",
            "POST /api/bookings/{bookingId}/payment",
            "POST /api/payments/webhook",
            "GET /health",
            "GET /ready",
            "GET /metrics",
            "GET /docs",
            "GET /openapi.json");

    private final JsonNode document = parse();

    @Test
    void is_an_openapi_3_1_document() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
    }

    @Test
    void documents_exactly_the_routes_of_the_contract() {
        assertThat(ApiDocs.documentedOperations()).containsExactlyInAnyOrderElementsOf(CONTRACT);
    }

    @Test
    void every_operation_has_a_response() {
        for (String operation : CONTRACT) {
            assertThat(operation(operation).path("responses").size()).as(operation).isPositive();
        }
    }

    @Test
    void every_reference_resolves() {
        assertReferencesResolve(document);
    }

    @Test
    void error_responses_are_problem_json() {
        assertThat(document.at("/components/responses/NotFound/content").has("application/problem+json")).isTrue();
        assertThat(document.at("/components/schemas/Problem/properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void a_hold_needs_an_idempotency_key_and_documents_its_failures() {
        JsonNode hold = operation("POST /api/events/{eventId}/holds");

        JsonNode key = hold.path("parameters").get(0);
        assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(key.path("in").asText()).isEqualTo("header");
        assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(128);
        assertThat(hold.path("responses").fieldNames()).toIterable().contains("201", "409", "422", "429", "504");
        assertThat(hold.at("/responses/429/headers").has("Retry-After")).isTrue();
        assertThat(hold.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/HoldRequest");
        assertThat(document.at("/components/schemas/HoldRequest/oneOf").size()).isEqualTo(2);
    }

    @Test
    void role_protected_operations_require_a_bearer_token() {
        for (String operation : List.of("POST /api/events", "POST /api/events/{eventId}/holds",
                "GET /api/bookings/{bookingId}", "DELETE /api/bookings/{bookingId}", "GET /api/me/bookings")) {
            assertThat(operation(operation).at("/security/0").has("bearerAuth")).as(operation).isTrue();
        }
        assertThat(operation("GET /api/events").has("security")).isFalse();
    }

    private JsonNode operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        return document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
    }

    private void assertReferencesResolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            assertThat(document.at(ref.asText().substring(1)).isMissingNode()).as(ref.asText()).isFalse();
        }
        node.elements().forEachRemaining(this::assertReferencesResolve);
    }

    private static JsonNode parse() {
        try {
            return new ObjectMapper().readTree(ApiDocs.openApiDocument());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
