package org.eventbooking.topology.internals;

import org.eventbooking.topology.CommandReply;

/** What the idempotency store remembers of a command: a fingerprint of it and its reply. */
public record StoredOutcome(String fingerprint, CommandReply reply) {
}
