-- booking_events keeps two indexes: its key (the log position, which makes a redelivered fact a
-- no-op) and booking_id (one booking's history). The (event_id, occurred_at) index served no
-- query of the views or of the analysts' examples (sales_by_day and hold_funnel read whole months),
-- and keeping it cost about a fifth of every history insert. An event's history over a period is
-- still a scan of that period's monthly partitions: filter on occurred_at.
DROP INDEX IF EXISTS booking_events_by_event;

-- No planner statistics for detail: no query compares whole facts, and sorting sampled jsonb
-- values was half of every ANALYZE of the history (autovacuum runs it as partitions grow).
-- A partition does not inherit the setting, so each new month's partition gets it too: the
-- function below is V1's (applied migrations never change) with that one statement added.
ALTER TABLE booking_events ALTER COLUMN detail SET STATISTICS 0;

CREATE OR REPLACE FUNCTION booking_events_ensure_partition(at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    name text := 'booking_events_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('booking_events_ensure_partition'));
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF booking_events FOR VALUES FROM (%L) TO (%L)',
                       name, month_start, month_start + interval '1 month');
        EXECUTE format('ALTER TABLE %I ALTER COLUMN detail SET STATISTICS 0', name);
    END IF;
END
$$;
