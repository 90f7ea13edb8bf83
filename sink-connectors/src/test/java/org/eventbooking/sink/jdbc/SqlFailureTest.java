package org.eventbooking.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlFailureTest {

    @Test
    void an_absent_or_restarting_database_is_transient() {
        assertThat(SqlFailure.classify(new SQLException("refused", "08001"))).isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.classify(new SQLException("I/O error", "08006"))).isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.classify(new SQLException("terminating connection", "57P01"))).isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.classify(new SQLException("deadlock", "40P01"))).isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.classify(new SQLTransientConnectionException("pool timeout"))).isEqualTo(SqlFailure.TRANSIENT);
        assertThat(SqlFailure.classify(new IllegalStateException("migration failed", new SQLException("x", "08001"))))
                .isEqualTo(SqlFailure.TRANSIENT);
    }

    @Test
    void data_that_does_not_fit_is_bad_data_also_inside_a_batch_failure() {
        assertThat(SqlFailure.classify(new SQLException("not null", "23502"))).isEqualTo(SqlFailure.BAD_DATA);
        assertThat(SqlFailure.classify(new SQLException("check", "23514"))).isEqualTo(SqlFailure.BAD_DATA);
        assertThat(SqlFailure.classify(new SQLException("twice", "21000"))).isEqualTo(SqlFailure.BAD_DATA);
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("value too long", "22001"));
        assertThat(SqlFailure.classify(batch)).isEqualTo(SqlFailure.BAD_DATA);
        assertThat(SqlFailure.describe(batch)).contains("22001").contains("value too long");
    }

    @Test
    void wrong_credentials_database_or_schema_are_terminal() {
        assertThat(SqlFailure.classify(new SQLException("password", "28P01"))).isEqualTo(SqlFailure.TERMINAL);
        assertThat(SqlFailure.classify(new SQLException("no db", "3D000"))).isEqualTo(SqlFailure.TERMINAL);
        assertThat(SqlFailure.classify(new SQLException("no table", "42P01"))).isEqualTo(SqlFailure.TERMINAL);
        assertThat(SqlFailure.classify(new IllegalStateException("no SQL at all"))).isEqualTo(SqlFailure.TERMINAL);
    }
}
