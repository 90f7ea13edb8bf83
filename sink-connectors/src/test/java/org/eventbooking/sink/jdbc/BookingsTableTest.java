package org.eventbooking.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventbooking.sink.projection.BookingChange.Family;
import org.junit.jupiter.api.Test;

class BookingsTableTest {

    @Test
    void lifecycle_facts_may_leave_any_status() {
        assertThat(BookingsTable.transitionRule(Family.LIFECYCLE)).isEqualTo("true");
    }

    @Test
    void payment_facts_only_move_between_held_and_payment_pending() {
        assertThat(BookingsTable.transitionRule(Family.PAYMENT)).isEqualTo("CASE EXCLUDED.status"
                + " WHEN 'HELD' THEN t.status IN ('PAYMENT_PENDING')"
                + " WHEN 'PAYMENT_PENDING' THEN t.status IN ('HELD') ELSE true END");
    }

    @Test
    void each_family_guards_its_own_position_and_the_others_status_by_time() {
        BookingsTable payments = new BookingsTable(Family.PAYMENT);
        assertThat(payments.sql()).contains("WHERE t.payment_offset IS NULL OR t.payment_partition <> EXCLUDED.payment_partition"
                + " OR t.payment_offset < EXCLUDED.payment_offset");
        assertThat(payments.sql()).contains("status = CASE WHEN EXCLUDED.status_at >= t.status_at AND CASE EXCLUDED.status");
        assertThat(new BookingsTable(Family.LIFECYCLE).sql()).contains("t.lifecycle_offset < EXCLUDED.lifecycle_offset");
    }
}
