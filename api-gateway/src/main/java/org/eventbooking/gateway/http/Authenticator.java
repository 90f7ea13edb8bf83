package org.eventbooking.gateway.http;

import io.javalin.http.Context;
import java.util.Arrays;
import org.eventbooking.gateway.auth.InvalidTokenException;
import org.eventbooking.gateway.auth.Principal;
import org.eventbooking.gateway.auth.Role;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.gateway.redis.TokenDenylist;

/** Who is calling: a valid, unexpired, unrevoked bearer token, and whether its role may do this. */
public final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final TokenDenylist denylist;

    public Authenticator(TokenService tokens, TokenDenylist denylist) {
        this.tokens = tokens;
        this.denylist = denylist;
    }

    public Principal require(Context ctx) {
        Principal principal = signedCaller(ctx);
        if (denylist.isRevoked(principal.tokenId())) {
            throw revoked();
        }
        return principal;
    }

    /** The caller, who must hold one of {@code roles}. */
    public Principal require(Context ctx, Role... roles) {
        return requireRole(require(ctx), roles);
    }

    /**
     * The caller by signature, expiry and role only: the caller of this method checks revocation itself (the
     * hold route does it in the same Redis round trip as its rate limit) and answers {@link #revoked()}.
     */
    public Principal verify(Context ctx, Role... roles) {
        return requireRole(signedCaller(ctx), roles);
    }

    public static ApiException revoked() {
        return ApiException.unauthorized("this token was revoked by a logout: log in again");
    }

    /** Where {@link TokenDenylist} marks this caller's token as revoked, for a check made inside a Redis script. */
    public String denylistKey(Principal principal) {
        return denylist.keyFor(principal.tokenId());
    }

    private Principal signedCaller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("send Authorization: Bearer <accessToken> (POST /api/auth/login gives one)");
        }
        try {
            return tokens.verify(header.substring(BEARER.length()).trim());
        } catch (InvalidTokenException e) {
            throw ApiException.unauthorized(e.getMessage() + ": log in again");
        }
    }

    private static Principal requireRole(Principal principal, Role... roles) {
        if (Arrays.stream(roles).noneMatch(principal::hasRole)) {
            throw ApiException.forbidden("this needs the role " + String.join(" or ",
                    Arrays.stream(roles).map(Role::wireName).toList()) + "; you are " + principal.role().wireName());
        }
        return principal;
    }
}
