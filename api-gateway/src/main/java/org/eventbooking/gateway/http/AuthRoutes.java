package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.gateway.auth.CredentialRules;
import org.eventbooking.gateway.auth.IssuedToken;
import org.eventbooking.gateway.auth.PasswordHasher;
import org.eventbooking.gateway.auth.Principal;
import org.eventbooking.gateway.auth.Role;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.command.CommandIds;
import org.eventbooking.gateway.http.api.Requests;
import org.eventbooking.gateway.query.ClusterReads;
import org.eventbooking.gateway.query.ReadYourWrite;
import org.eventbooking.gateway.redis.TokenDenylist;

/** Sign-up (event-sourced, decided per email), login (bcrypt, JWT) and logout (revocation). */
final class AuthRoutes {

    private final CommandBus commands;
    private final ClusterReads reads;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final TokenDenylist denylist;
    private final Authenticator auth;
    private final Set<String> adminEmails;

    AuthRoutes(CommandBus commands, ClusterReads reads, PasswordHasher passwords, TokenService tokens, TokenDenylist denylist,
               Authenticator auth, Set<String> adminEmails) {
        this.commands = commands;
        this.reads = reads;
        this.passwords = passwords;
        this.tokens = tokens;
        this.denylist = denylist;
        this.auth = auth;
        this.adminEmails = adminEmails;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/auth/register", this::signUp);
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
    }

    private void signUp(Context ctx) {
        Requests.Register body = JsonBodies.read(ctx, Requests.Register.class);
        Map<String, String> errors = CredentialRules.registrationErrors(body.email(), body.password(), body.name(), body.role());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String email = CredentialRules.normaliseEmail(body.email());
        // Hashing is slow on purpose: off the request thread, like the wait for the reply.
        ctx.future(() -> java.util.concurrent.CompletableFuture
                .supplyAsync(() -> new RegisterUser(CommandIds.random(), CommandIds.newUserId(), email, body.name(),
                        body.role(), passwords.hash(body.password())))
                .thenCompose(command -> commands.send(command, Traces.traceparent(ctx)))
                .thenCompose(reply -> {
                    if (!reply.isAccepted()) {
                        throw ApiException.conflict("email-taken", "Email taken",
                                "this email is already registered: log in, or register with another email");
                    }
                    // Signed up means a login right after the 201 finds the account.
                    return ReadYourWrite.await(() -> reads.account(email)).thenApply(visible -> reply);
                })
                .thenAccept(reply -> Responses.json(ctx, 201, Map.of("userId", reply.userId())))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void login(Context ctx) {
        Requests.Login body = JsonBodies.read(ctx, Requests.Login.class);
        if (body.email() == null || body.password() == null) {
            throw ApiException.unauthorized("wrong email or password");
        }
        String email = CredentialRules.normaliseEmail(body.email());
        ctx.future(() -> reads.account(email).thenApplyAsync(account -> verified(account, body.password()))
                .thenAccept(account -> {
                    IssuedToken token = tokens.issue(account.userId(), account.email(), roleOf(account));
                    Responses.json(ctx, 200, Map.of("accessToken", token.token(), "tokenType", "Bearer",
                            "expiresIn", token.expiresInSeconds()));
                })
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private UserAccount verified(Optional<UserAccount> account, String password) {
        if (account.isEmpty()) {
            // As slow as a real check, so the answer time does not tell whether the email exists.
            passwords.burnEquivalentTime(password);
            throw ApiException.unauthorized("wrong email or password");
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            throw ApiException.unauthorized("wrong email or password");
        }
        return account.get();
    }

    private Role roleOf(UserAccount account) {
        if (adminEmails.contains(account.email())) {
            return Role.ADMIN;
        }
        return Role.fromWire(account.role()).orElse(Role.CUSTOMER);
    }

    private void logout(Context ctx) {
        Principal principal = auth.require(ctx);
        if (!denylist.revoke(principal.tokenId(), principal.expiresAt())) {
            throw ApiException.unavailable("the token could not be revoked (the revocation store is down): retry", 1);
        }
        ctx.status(204);
    }
}
