package org.eventbooking.sink.jdbc;

import java.util.List;
import org.eventbooking.sink.projection.RowChange;

/** The row changes of one record, with the record they came from (to report it if they cannot be written). */
public record Projected<R>(R origin, List<RowChange> changes) {

    public Projected {
        changes = List.copyOf(changes);
    }
}
