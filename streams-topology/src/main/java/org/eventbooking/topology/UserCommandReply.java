package org.eventbooking.topology;

import org.eventbooking.domain.Rejection;

/** The committed outcome of a user command: the registered user's id, or the rejection. */
public record UserCommandReply(String commandId, String userId, Rejection rejection) {

    public static UserCommandReply accepted(String commandId, String userId) {
        return new UserCommandReply(commandId, userId, null);
    }

    public static UserCommandReply rejected(String commandId, Rejection rejection) {
        return new UserCommandReply(commandId, null, rejection);
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
