package org.eventbooking.gateway.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies HS256 JSON Web Tokens. Only HS256 is accepted: the verifier compares the
 * header's {@code alg} with HS256, so {@code none}, RS256 and even HS512 signed with our own
 * secret are refused, closing the algorithm-confusion family of forgeries.
 */
public final class TokenService {

    /** Development only: node configuration must refuse to start with it in production mode. */
    public static final String DEV_SECRET = "dev-only-insecure-jwt-secret-do-not-use-in-production";

    /** HS256 keys shorter than the hash output (32 bytes) weaken the MAC (RFC 7518, 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    /**
     * Claim times are whole seconds and a token issued on one node may be checked on another
     * whose clock runs slightly behind (java-jwt refuses an {@code iat} in the future), so one
     * second of leeway; more would only lengthen the life of stolen tokens.
     */
    static final long LEEWAY_SECONDS = 1;

    private static final int VERIFIED_MEMO_ENTRIES = 10_000;

    static final String EMAIL_CLAIM = "email";
    static final String ROLE_CLAIM = "role";

    private final Algorithm algorithm;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;
    private final JWTVerifier verifier;
    /**
     * Tokens already verified, by their whole text (signature included), with what they said.
     * Verifying parses two JSON parts and computes an HMAC, a fifth of a hold's HTTP work, and a
     * client sends the same token with every request. A token is served from here only until it
     * expires; revocation is checked per request elsewhere. Bounded by dropping all when full.
     */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    public TokenService(byte[] secret, String issuer, Duration ttl, Clock clock) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT secret is too short: set BOOKING_JWT_SECRET to at least "
                    + MIN_SECRET_BYTES + " random bytes");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("JWT issuer must not be blank");
        }
        if (ttl == null || ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("token lifetime must be at least one second, got " + ttl);
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
        this.verifier = buildVerifier();
    }

    private JWTVerifier buildVerifier() {
        // JWT.require returns a BaseVerification; its build(Clock) is the only way to inject a clock.
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withClaimPresence(RegisteredClaims.SUBJECT)
                .withClaimPresence(RegisteredClaims.JWT_ID)
                // Without this, a token lacking exp would never expire.
                .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                .withClaimPresence(EMAIL_CLAIM)
                .withClaimPresence(ROLE_CLAIM)
                .acceptLeeway(LEEWAY_SECONDS);
        return verification.build(clock);
    }

    public IssuedToken issue(String userId, String email, Role role) {
        // Truncated because JWT times are whole seconds: what we report equals what we sign.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String tokenId = UUID.randomUUID().toString();
        String token = JWT.create()
                .withIssuer(issuer)
                .withSubject(userId)
                .withClaim(EMAIL_CLAIM, email)
                .withClaim(ROLE_CLAIM, role.wireName())
                .withJWTId(tokenId)
                .withIssuedAt(issuedAt)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new IssuedToken(token, tokenId, expiresAt, Duration.between(issuedAt, expiresAt).toSeconds());
    }

    /** The caller the token speaks for; {@link InvalidTokenException} if it must not be trusted. */
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("missing token");
        }
        Principal known = verified.get(token);
        // Strictly before the verifier's own limit (exp + leeway): at the edge the verifier decides.
        if (known != null && clock.instant().isBefore(known.expiresAt().plusSeconds(LEEWAY_SECONDS))) {
            return known;
        }
        Principal principal = decode(token);
        if (verified.size() >= VERIFIED_MEMO_ENTRIES) {
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }

    private Principal decode(String token) {
        DecodedJWT jwt = verifiedOrThrow(token);
        Role role = Role.fromWire(jwt.getClaim(ROLE_CLAIM).asString())
                .orElseThrow(() -> new InvalidTokenException("invalid token"));
        return new Principal(
                requireText(jwt.getSubject()),
                requireText(jwt.getClaim(EMAIL_CLAIM).asString()),
                role,
                requireText(jwt.getId()),
                jwt.getExpiresAtAsInstant());
    }

    private DecodedJWT verifiedOrThrow(String token) {
        try {
            return verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new InvalidTokenException("token expired", e);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("invalid token", e);
        }
    }

    /** Presence is checked by the verifier; this also refuses blank or non-string values. */
    private static String requireText(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTokenException("invalid token");
        }
        return value;
    }
}
