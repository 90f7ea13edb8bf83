package org.eventbooking.gateway.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.gateway.query.Availability;

/** Availability as the API shows it: {@code {eventId, sections:[{name,total,available,held,sold}], seats?}}. */
public record AvailabilityView(String eventId, List<SectionCounts> sections,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, SeatStatus> seats) {

    public record SectionCounts(String name, int total, int available, int held, int sold) {

        static List<SectionCounts> of(List<SectionAvailability> sections) {
            return sections.stream().map(s -> new SectionCounts(s.section(), s.total(), s.available(), s.held(), s.sold())).toList();
        }
    }

    public static AvailabilityView of(Availability availability) {
        return new AvailabilityView(availability.eventId(), SectionCounts.of(availability.sections()), availability.seats());
    }

    /** A live change: the counts now and only the seats that changed. */
    public static AvailabilityView change(Availability now, Map<String, SeatStatus> changedSeats) {
        return new AvailabilityView(now.eventId(), SectionCounts.of(now.sections()), changedSeats);
    }
}
