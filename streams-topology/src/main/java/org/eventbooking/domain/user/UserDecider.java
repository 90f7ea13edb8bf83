package org.eventbooking.domain.user;

import java.time.Instant;
import java.util.Optional;
import org.eventbooking.domain.Rejection;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.event.UserRegistered;

/**
 * {@code decide(account of the email, command, now)}: the user rules. Pure. A repeated sign-up is
 * refused like any other use of a taken email: the caller can log in instead.
 */
public final class UserDecider {

    private UserDecider() {
    }

    public static UserDecision decide(Optional<UserAccount> existing, RegisterUser command, Instant now) {
        if (existing.isPresent()) {
            return new UserDecision.Rejected(Rejection.of(RejectionReason.EMAIL_TAKEN,
                    "the email " + command.email() + " is already registered"));
        }
        return new UserDecision.Accepted(new UserRegistered(command.userId(), command.email(), command.name(),
                command.role(), command.passwordHash(), now));
    }
}
