package org.eventbooking.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.SeatState;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.internals.KafkaTable;

/**
 * Typed reads of the stores this node hosts, through interactive queries (IQv1: see DESIGN §8 on
 * the IQv2 deadlock). Each read sees the active tasks on this node only; which node hosts a key is
 * the caller's business. Throws {@code InvalidStateStoreException} while the stores migrate.
 */
public final class StoreReads {

    private final KafkaStreams streams;

    public StoreReads(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<EventInfo> event(String eventId) {
        return Optional.ofNullable(this.<EventInfo>table(StoreNames.EVENTS).get(eventId));
    }

    /** Up to {@code limit} events of this node with ids after {@code afterId} (exclusive), by id. */
    public List<EventInfo> events(String afterId, int limit) {
        String from = afterId == null ? "" : afterId + '\0';
        // A range over several local partitions comes partition after partition, each sorted: sort
        // the lot before cutting the page. Catalogs are thousands of entries, not millions.
        return this.<EventInfo>table(StoreNames.EVENTS).range(from, "\uffff", Integer.MAX_VALUE).stream()
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(EventInfo::eventId))
                .limit(limit)
                .toList();
    }

    public List<SectionAvailability> availability(EventInfo event) {
        Table<SectionAvailability> sections = table(StoreNames.SECTIONS);
        List<SectionAvailability> counts = new ArrayList<>();
        for (Section section : event.sections()) {
            SectionAvailability stored = sections.get(StoreKeys.section(event.eventId(), section.name()));
            counts.add(stored == null ? SectionAvailability.empty(section) : stored);
        }
        return counts;
    }

    /** Every seat of the event with its status, in section, row and seat order. */
    public Map<String, SeatStatus> seats(EventInfo event) {
        Map<String, SeatStatus> statuses = new LinkedHashMap<>();
        for (Section section : event.sections()) {
            for (int row = 1; row <= section.rows(); row++) {
                for (int seat = 1; seat <= section.seatsPerRow(); seat++) {
                    statuses.put(new SeatId(section.name(), row, seat).toString(), SeatStatus.AVAILABLE);
                }
            }
        }
        // Only seats that are not available are stored.
        for (Map.Entry<String, SeatState> taken : this.<SeatState>table(StoreNames.SEATS).withPrefix(event.eventId() + '/')) {
            statuses.put(taken.getKey().substring(event.eventId().length() + 1), taken.getValue().status());
        }
        return statuses;
    }

    public Optional<Booking> booking(String eventId, String bookingId) {
        return Optional.ofNullable(this.<Booking>table(StoreNames.BOOKINGS).get(StoreKeys.booking(eventId, bookingId)));
    }

    public Optional<UserAccount> account(String email) {
        return Optional.ofNullable(this.<UserAccount>table(StoreNames.USERS).get(email));
    }

    public List<Booking> userBookings(String userId) {
        return this.<Booking>table(StoreNames.USER_BOOKINGS).withPrefix(StoreKeys.userBookingsPrefix(userId)).stream()
                .map(Map.Entry::getValue).toList();
    }

    private <V> Table<V> table(String storeName) {
        ReadOnlyKeyValueStore<String, V> store = streams.store(
                StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
        return KafkaTable.readOnly(store);
    }
}
