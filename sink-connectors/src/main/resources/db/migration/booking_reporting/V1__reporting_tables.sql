-- The reporting projections of the event log (DESIGN §5). Every row keeps the Kafka position
-- (src_topic, src_partition, src_offset) it was last updated from; the sink's upserts only move
-- forward, so redelivery and replay leave the tables as they are.

CREATE TABLE events (
    event_id              text PRIMARY KEY,
    organizer_id          text        NOT NULL,
    title                 text        NOT NULL,
    venue                 text        NOT NULL,
    starts_at             timestamptz NOT NULL,
    currency              text        NOT NULL,
    hold_ttl_seconds      integer     NOT NULL,
    max_seats_per_booking integer     NOT NULL,
    capacity              integer     NOT NULL,
    created_at            timestamptz NOT NULL,
    src_topic             text        NOT NULL,
    src_partition         integer     NOT NULL,
    src_offset            bigint      NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

-- What an event offers per section: the capacity side of occupancy.
CREATE TABLE event_sections (
    event_id      text    NOT NULL,
    section       text    NOT NULL,
    price_cents   bigint  NOT NULL,
    row_count     integer NOT NULL,
    seats_per_row integer NOT NULL,
    capacity      integer NOT NULL,
    src_topic     text    NOT NULL,
    src_partition integer NOT NULL,
    src_offset    bigint  NOT NULL,
    PRIMARY KEY (event_id, section)
);

-- People who signed up; the password hash stays in the log and nowhere else.
CREATE TABLE users (
    user_id       text PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL,
    registered_at timestamptz NOT NULL,
    src_topic     text        NOT NULL,
    src_partition integer     NOT NULL,
    src_offset    bigint      NOT NULL
);
CREATE INDEX users_email ON users (email);

-- Current status of every seat that has ever left AVAILABLE; a seat without a row is AVAILABLE.
CREATE TABLE seats (
    event_id      text        NOT NULL,
    seat_id       text        NOT NULL,
    section       text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
    booking_id    text,
    updated_at    timestamptz NOT NULL,
    src_topic     text        NOT NULL,
    src_partition integer     NOT NULL,
    src_offset    bigint      NOT NULL,
    PRIMARY KEY (event_id, seat_id)
) WITH (fillfactor = 80);
-- The only index is the key, which a status change never touches: with room left on each page
-- (fillfactor) an update is HOT and writes no index at all. Occupancy reads one event's seats
-- through the key; a booking's seats are in bookings.seats.

-- Bookings are fed by lifecycle facts (booking-events) and payment facts (payment-events). Each
-- family keeps its own position, because offsets of different partitions cannot be compared;
-- status_at (when the engine decided the status) orders the two families' status changes.
CREATE TABLE bookings (
    booking_id          text PRIMARY KEY,
    event_id            text        NOT NULL,
    user_id             text,
    status              text        NOT NULL CHECK (status IN ('HELD', 'PAYMENT_PENDING', 'CONFIRMED', 'CANCELLED',
                                                               'EXPIRED', 'RELEASED', 'REFUNDED')),
    seats               text[],
    seat_count          integer,
    total_cents         bigint,
    currency            text,
    payment_id          text,
    paid_cents          bigint,
    created_at          timestamptz,
    expires_at          timestamptz,
    confirmed_at        timestamptz,
    status_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    src_topic           text        NOT NULL,
    src_partition       integer     NOT NULL,
    src_offset          bigint      NOT NULL,
    lifecycle_partition integer,
    lifecycle_offset    bigint,
    payment_partition   integer,
    payment_offset      bigint
) WITH (fillfactor = 80);
-- No index on a column that changes (status, payment_id): updates stay HOT, as for seats.
CREATE INDEX bookings_by_event ON bookings (event_id);
CREATE INDEX bookings_by_user ON bookings (user_id);

CREATE TABLE payments (
    payment_id          text PRIMARY KEY,
    booking_id          text        NOT NULL,
    event_id            text        NOT NULL,
    user_id             text,
    status              text        NOT NULL CHECK (status IN ('REQUESTED', 'SUCCEEDED', 'FAILED',
                                                               'REFUND_REQUESTED', 'REFUNDED')),
    amount_cents        bigint,
    currency            text,
    refunded_cents      bigint,
    failure_reason      text,
    refund_reason       text,
    requested_at        timestamptz,
    succeeded_at        timestamptz,
    failed_at           timestamptz,
    refund_requested_at timestamptz,
    refunded_at         timestamptz,
    updated_at          timestamptz NOT NULL,
    src_topic           text        NOT NULL,
    src_partition       integer     NOT NULL,
    src_offset          bigint      NOT NULL
);
CREATE INDEX payments_by_booking ON payments (booking_id);
CREATE INDEX payments_by_event ON payments (event_id, status);

-- Every booking and payment fact, for "as of" questions. Insert-only: a fact is identified by
-- its log position. Partitioned by month of occurred_at; partitions are made on demand.
CREATE TABLE booking_events (
    event_id      text        NOT NULL,
    booking_id    text        NOT NULL,
    type          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    user_id       text,
    payment_id    text,
    seats         text[],
    amount_cents  bigint,
    detail        jsonb       NOT NULL,
    src_topic     text        NOT NULL,
    src_partition integer     NOT NULL,
    src_offset    bigint      NOT NULL,
    PRIMARY KEY (src_topic, src_partition, src_offset, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX booking_events_by_booking ON booking_events (booking_id, occurred_at);
CREATE INDEX booking_events_by_event ON booking_events (event_id, occurred_at);

-- Creates the month's partition of booking_events unless it exists. Several sink tasks may ask
-- at once: the advisory lock makes the check-then-create atomic.
CREATE FUNCTION booking_events_ensure_partition(at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    name text := 'booking_events_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('booking_events_ensure_partition'));
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF booking_events FOR VALUES FROM (%L) TO (%L)',
                       name, month_start, month_start + interval '1 month');
    END IF;
END
$$;

-- Confirmed sales per UTC day and event.
CREATE VIEW sales_by_day AS
SELECT (h.occurred_at AT TIME ZONE 'UTC')::date AS day,
       h.event_id,
       e.currency,
       count(*)                         AS bookings_confirmed,
       sum(cardinality(h.seats))        AS seats_sold,
       sum(h.amount_cents)              AS gross_cents
FROM booking_events h
LEFT JOIN events e ON e.event_id = h.event_id
WHERE h.type = 'BookingConfirmed'
GROUP BY 1, 2, 3;

-- Seats per event and section right now.
CREATE VIEW event_occupancy AS
SELECT s.event_id,
       s.section,
       s.capacity,
       coalesce(c.held, 0)                              AS held,
       coalesce(c.sold, 0)                              AS sold,
       s.capacity - coalesce(c.held, 0) - coalesce(c.sold, 0) AS available,
       round(100.0 * coalesce(c.sold, 0) / s.capacity, 2)     AS sold_pct
FROM event_sections s
LEFT JOIN (SELECT event_id, section,
                  count(*) FILTER (WHERE status = 'HELD') AS held,
                  count(*) FILTER (WHERE status = 'SOLD') AS sold
           FROM seats GROUP BY event_id, section) c
       ON c.event_id = s.event_id AND c.section = s.section;

-- Money per event: what confirmed (and not cancelled) bookings paid, and what was refunded.
CREATE VIEW revenue_by_event AS
SELECT e.event_id,
       e.title,
       e.currency,
       coalesce(b.confirmed_bookings, 0) AS confirmed_bookings,
       coalesce(b.seats_sold, 0)         AS seats_sold,
       coalesce(b.revenue_cents, 0)      AS revenue_cents,
       coalesce(p.refunded_cents, 0)     AS refunded_cents
FROM events e
LEFT JOIN (SELECT event_id, count(*) AS confirmed_bookings, sum(seat_count) AS seats_sold,
                  sum(paid_cents) AS revenue_cents
           FROM bookings WHERE status = 'CONFIRMED' GROUP BY event_id) b ON b.event_id = e.event_id
LEFT JOIN (SELECT event_id, sum(refunded_cents) AS refunded_cents
           FROM payments WHERE status = 'REFUNDED' GROUP BY event_id) p ON p.event_id = e.event_id;

-- What happened to holds, per event and UTC day of the fact: created, expired, released, confirmed.
CREATE VIEW hold_funnel AS
SELECT event_id,
       (occurred_at AT TIME ZONE 'UTC')::date              AS day,
       count(*) FILTER (WHERE type = 'SeatsHeld')          AS holds_created,
       count(*) FILTER (WHERE type = 'HoldExpired')        AS holds_expired,
       count(*) FILTER (WHERE type = 'HoldReleased')       AS holds_released,
       count(*) FILTER (WHERE type = 'BookingConfirmed')   AS holds_confirmed
FROM booking_events
WHERE type IN ('SeatsHeld', 'HoldExpired', 'HoldReleased', 'BookingConfirmed')
GROUP BY 1, 2;
