package org.eventbooking.domain.user;

import org.eventbooking.domain.Rejection;
import org.eventbooking.domain.event.UserRegistered;

/** The outcome of a user command: the event to append, or why not. */
public sealed interface UserDecision permits UserDecision.Accepted, UserDecision.Rejected {

    record Accepted(UserRegistered event) implements UserDecision {
    }

    record Rejected(Rejection rejection) implements UserDecision {
    }
}
