package org.eventbooking.topology;

import org.eventbooking.domain.Decision;
import org.eventbooking.domain.command.BookingCommand;

/**
 * Sees every decision the booking processor makes (for example to count holds, rejections and
 * payments). It runs on the stream thread inside the task's transaction, so it must be cheap and
 * must not throw; a decision whose transaction later aborts is seen again when it is retried.
 */
@FunctionalInterface
public interface DecisionObserver {

    DecisionObserver NONE = (command, decision) -> { };

    void decided(BookingCommand command, Decision decision);
}
