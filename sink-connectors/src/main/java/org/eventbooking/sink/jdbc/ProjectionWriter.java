package org.eventbooking.sink.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eventbooking.sink.projection.BookingChange.Family;
import org.eventbooking.sink.projection.HistoryRow;
import org.eventbooking.sink.projection.RowChange;

/**
 * Writes projected records to PostgreSQL: one transaction, a set-based statement per table (see
 * {@link TableWrite}). If it fails on bad data, {@link #writeOneByOne} finds the records at fault
 * with a savepoint each.
 */
public final class ProjectionWriter {

    private static final List<TableWrite<?>> TABLES = List.of(new EventsTable(), new SectionsTable(),
            new UsersTable(), new BookingsTable(Family.LIFECYCLE), new BookingsTable(Family.PAYMENT),
            new PaymentsTable(), new SeatsTable(), new HistoryTable());

    private final Set<YearMonth> knownPartitions = ConcurrentHashMap.newKeySet();
    // Facts come in time order, so most fall in the month last ensured and skip the calendar arithmetic.
    private volatile EpochRange lastMonth = new EpochRange(0, 0);

    /** Epoch seconds [from, until). */
    private record EpochRange(long from, long until) {

        static EpochRange of(YearMonth month) {
            return new EpochRange(month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        }

        boolean contains(long second) {
            return second >= from && second < until;
        }
    }

    /** Writes every record's changes in one transaction; on failure nothing is written. */
    public void writeAll(Connection connection, List<? extends Projected<?>> records) throws SQLException {
        List<RowChange> changes = new ArrayList<>();
        records.forEach(r -> changes.addAll(r.changes()));
        ensureHistoryPartitions(connection, changes);
        inTransaction(connection, () -> writeBatches(connection, changes));
    }

    /**
     * Writes each record under its own savepoint in one transaction. A record whose write fails
     * with bad data is rolled back alone and returned; any other failure aborts the whole write.
     */
    public <R> List<Rejected<R>> writeOneByOne(Connection connection, List<Projected<R>> records) throws SQLException {
        List<RowChange> all = new ArrayList<>();
        records.forEach(r -> all.addAll(r.changes()));
        ensureHistoryPartitions(connection, all);
        List<Rejected<R>> rejected = new ArrayList<>();
        inTransaction(connection, () -> {
            for (Projected<R> record : records) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    writeBatches(connection, record.changes());
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    if (SqlFailure.classify(e) != SqlFailure.BAD_DATA) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    rejected.add(new Rejected<>(record.origin(), SqlFailure.describe(e)));
                }
            }
        });
        return rejected;
    }

    /** A record PostgreSQL refused, and its reason. */
    public record Rejected<R>(R origin, String reason) {
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    // Tables are independent of each other; within a table the changes keep their log order.
    private static void writeBatches(Connection connection, List<RowChange> changes) throws SQLException {
        for (TableWrite<?> table : TABLES) {
            table.write(connection, changes);
        }
    }

    // Outside the write transaction, so the partition lock is held for one short statement, not a batch.
    private void ensureHistoryPartitions(Connection connection, List<RowChange> changes) throws SQLException {
        for (RowChange change : changes) {
            if (change instanceof HistoryRow row) {
                if (lastMonth.contains(row.occurredAt().getEpochSecond())) {
                    continue;
                }
                YearMonth month = YearMonth.from(row.occurredAt().atOffset(ZoneOffset.UTC));
                if (!knownPartitions.contains(month)) {
                    connection.setAutoCommit(true);
                    try (PreparedStatement s = connection.prepareStatement("SELECT booking_events_ensure_partition(?)")) {
                        s.setTimestamp(1, Timestamp.from(row.occurredAt()));
                        s.execute();
                    }
                    knownPartitions.add(month);
                }
                lastMonth = EpochRange.of(month);
            }
        }
    }
}
