package org.eventbooking.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "fedcba9876543210fedcba9876543210-other".getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "event-booking";
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final TokenService tokens = serviceAt(NOW);

    @Test
    void verifies_its_own_token_back_into_the_principal() {
        IssuedToken issued = tokens.issue("user-42", "ann@example.com", Role.ORGANIZER);

        Principal principal = tokens.verify(issued.token());

        assertThat(principal).isEqualTo(
                new Principal("user-42", "ann@example.com", Role.ORGANIZER, issued.tokenId(), NOW.plus(TTL)));
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(issued.expiresInSeconds()).isEqualTo(TTL.toSeconds());
    }

    @Test
    void gives_every_token_its_own_id() {
        IssuedToken first = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER);
        IssuedToken second = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER);

        assertThat(first.tokenId()).isNotEqualTo(second.tokenId());
    }

    @Test
    void accepts_a_token_up_to_its_expiry_second() {
        IssuedToken issued = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER);

        assertThat(serviceAt(NOW.plus(TTL)).verify(issued.token()).userId()).isEqualTo("user-42");
    }

    @Test
    void rejects_expired_token() {
        IssuedToken issued = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER);

        assertRejected(serviceAt(NOW.plus(TTL).plusSeconds(2)), issued.token());
    }

    @Test
    void a_token_verified_before_is_refused_once_it_expires() {
        MovingClock clock = new MovingClock(NOW);
        TokenService service = new TokenService(SECRET, ISSUER, TTL, clock);
        IssuedToken issued = service.issue("user-42", "ann@example.com", Role.CUSTOMER);
        Principal first = service.verify(issued.token());

        clock.now = NOW.plus(TTL);
        assertThat(service.verify(issued.token())).isEqualTo(first);
        clock.now = NOW.plus(TTL).plusSeconds(2);
        assertRejected(service, issued.token());
    }

    @Test
    void a_token_verified_before_still_has_to_match_to_the_last_character() {
        IssuedToken issued = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER);
        tokens.verify(issued.token());
        String token = issued.token();
        char last = token.charAt(token.length() - 1);

        assertRejected(tokens, token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertRejected(tokens, token + "A");
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rejects_token_issued_in_the_future_beyond_the_leeway() {
        IssuedToken issued = serviceAt(NOW.plusSeconds(60)).issue("user-42", "ann@example.com", Role.CUSTOMER);

        assertRejected(tokens, issued.token());
    }

    @Test
    void rejects_token_with_alg_none() {
        String payload = payloadOf(tokens.issue("user-42", "ann@example.com", Role.ADMIN).token());
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

        assertRejected(tokens, unsigned);
    }

    @Test
    void rejects_token_signed_with_another_secret() {
        TokenService impostor = new TokenService(OTHER_SECRET, ISSUER, TTL, Clock.fixed(NOW, ZoneOffset.UTC));

        assertRejected(tokens, impostor.issue("user-42", "ann@example.com", Role.ADMIN).token());
    }

    @Test
    void rejects_token_whose_role_was_tampered_with() {
        String[] parts = tokens.issue("user-42", "ann@example.com", Role.CUSTOMER).token().split("\\.");
        String payload = new String(B64URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"role\":\"customer\"", "\"role\":\"admin\"");
        assertThat(promoted).isNotEqualTo(payload);

        assertRejected(tokens, parts[0] + "." + b64(promoted) + "." + parts[2]);
    }

    @Test
    void rejects_token_from_another_issuer() {
        TokenService otherIssuer = new TokenService(SECRET, "someone-else", TTL, Clock.fixed(NOW, ZoneOffset.UTC));

        assertRejected(tokens, otherIssuer.issue("user-42", "ann@example.com", Role.CUSTOMER).token());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "   ",
            "a.b.c",
            "...",
            "e30.e30.",
            "e30.e30.e30",
            "eyJhbGciOiJIUzI1NiJ9.@@@.abc",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"})
    void rejects_malformed_token(String token) {
        assertRejected(tokens, token);
    }

    @Test
    void rejects_unknown_role_even_when_correctly_signed() {
        assertRejected(tokens, claims("user-42", "tok-1", "superuser").sign(Algorithm.HMAC256(SECRET)));
    }

    @Test
    void rejects_correctly_signed_token_without_role() {
        assertRejected(tokens, claims("user-42", "tok-1", null).sign(Algorithm.HMAC256(SECRET)));
    }

    @Test
    void rejects_correctly_signed_token_without_subject() {
        assertRejected(tokens, claims(null, "tok-1", "customer").sign(Algorithm.HMAC256(SECRET)));
    }

    @Test
    void rejects_correctly_signed_token_without_token_id() {
        assertRejected(tokens, claims("user-42", null, "customer").sign(Algorithm.HMAC256(SECRET)));
    }

    @Test
    void rejects_correctly_signed_token_without_expiry() {
        String neverExpires = JWT.create()
                .withIssuer(ISSUER)
                .withSubject("user-42")
                .withJWTId("tok-1")
                .withClaim("email", "ann@example.com")
                .withClaim("role", "customer")
                .sign(Algorithm.HMAC256(SECRET));

        assertRejected(tokens, neverExpires);
    }

    @Test
    void accepts_the_hand_built_claims_when_nothing_is_missing() {
        String token = claims("user-42", "tok-1", "customer").sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(token).tokenId()).isEqualTo("tok-1");
    }

    @Test
    void rejects_hs512_even_when_signed_with_our_secret() {
        assertRejected(tokens, claims("user-42", "tok-1", "customer").sign(Algorithm.HMAC512(SECRET)));
    }

    @Test
    void rejects_rs256_header_hmac_signed_with_our_secret() throws GeneralSecurityException {
        String payload = payloadOf(tokens.issue("user-42", "ann@example.com", Role.ADMIN).token());
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + payload;

        assertRejected(tokens, signingInput + "." + hmacSha256(signingInput));
    }

    @Test
    void refuses_a_secret_shorter_than_32_bytes() {
        byte[] tooShort = new byte[31];

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenService(tooShort, ISSUER, TTL, Clock.systemUTC()))
                .withMessageContaining("BOOKING_JWT_SECRET")
                .withMessageContaining("32");
    }

    @Test
    void dev_secret_is_long_enough_to_start_a_development_node() {
        byte[] devSecret = TokenService.DEV_SECRET.getBytes(StandardCharsets.UTF_8);

        assertThat(devSecret.length).isGreaterThanOrEqualTo(32);
        assertThat(new TokenService(devSecret, ISSUER, TTL, Clock.systemUTC())).isNotNull();
    }

    private static TokenService serviceAt(Instant instant) {
        return new TokenService(SECRET, ISSUER, TTL, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static void assertRejected(TokenService service, String token) {
        assertThatThrownBy(() -> service.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    /** Valid claims for NOW, omitting any claim passed as null. */
    private static JWTCreator.Builder claims(String subject, String tokenId, String role) {
        JWTCreator.Builder builder = JWT.create()
                .withIssuer(ISSUER)
                .withClaim("email", "ann@example.com")
                .withIssuedAt(NOW)
                .withExpiresAt(NOW.plus(TTL));
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (tokenId != null) {
            builder.withJWTId(tokenId);
        }
        if (role != null) {
            builder.withClaim("role", role);
        }
        return builder;
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacSha256(String signingInput) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }
}
