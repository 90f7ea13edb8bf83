package org.eventbooking.domain;

import java.util.List;
import org.eventbooking.domain.event.BookingEvent;

/** The outcome of deciding a command: the events to append, or why none. */
public sealed interface Decision permits Decision.Accepted, Decision.Rejected {

    static Decision accept(BookingEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(RejectionReason reason, String message) {
        return new Rejected(Rejection.of(reason, message));
    }

    static Decision reject(RejectionReason reason, String message, List<String> seats) {
        return new Rejected(new Rejection(reason, message, seats));
    }

    record Accepted(List<BookingEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }
}
