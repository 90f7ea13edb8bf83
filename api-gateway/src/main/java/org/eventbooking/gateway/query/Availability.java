package org.eventbooking.gateway.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.SectionAvailability;

/** The seat counts of an event's sections and, when asked for, every seat's status. */
public record Availability(String eventId, List<SectionAvailability> sections,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, SeatStatus> seats) {
}
