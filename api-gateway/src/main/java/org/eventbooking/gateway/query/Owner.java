package org.eventbooking.gateway.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where a key's state lives right now: on this node, on another, or nowhere yet (rebalance). */
public sealed interface Owner permits Owner.Local, Owner.Remote, Owner.Unknown {

    record Local() implements Owner {
    }

    record Remote(HostInfo host) implements Owner {
    }

    record Unknown() implements Owner {
    }
}
