package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eventbooking.domain.EventRules;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.command.CancelEvent;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.gateway.auth.Principal;
import org.eventbooking.gateway.auth.Role;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.command.CommandIds;
import org.eventbooking.gateway.http.api.AvailabilityView;
import org.eventbooking.gateway.http.api.EventView;
import org.eventbooking.gateway.http.api.Page;
import org.eventbooking.gateway.http.api.Requests;
import org.eventbooking.gateway.live.AvailabilityFeed;
import org.eventbooking.gateway.query.ClusterReads;

/** The catalog: organisers create events; anyone lists them and reads their availability, live too. */
final class EventRoutes {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern SECTION_NAME = Pattern.compile(SeatId.SECTION_NAME_PATTERN);
    private static final int MAX_TEXT = 200;
    private static final int MAX_SECTIONS = 100;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final CommandBus commands;
    private final ClusterReads reads;
    private final HotReads hot;
    private final Authenticator auth;
    private final AvailabilityFeed feed;
    private final int maxSeatsPerEvent;

    EventRoutes(CommandBus commands, ClusterReads reads, HotReads hot, Authenticator auth, AvailabilityFeed feed, int maxSeatsPerEvent) {
        this.commands = commands;
        this.reads = reads;
        this.hot = hot;
        this.auth = auth;
        this.feed = feed;
        this.maxSeatsPerEvent = maxSeatsPerEvent;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/events", this::create);
        routes.get("/api/events", this::list);
        routes.get("/api/events/{eventId}", this::get);
        routes.get("/api/events/{eventId}/availability", this::availability);
        routes.get("/api/events/{eventId}/availability/stream", this::stream);
        routes.post("/api/events/{eventId}/cancel", this::cancel);
    }

    /** The organiser calls the event off: holds are released, paid bookings cancelled and refunded. */
    private void cancel(Context ctx) {
        Principal caller = auth.require(ctx, Role.ORGANIZER, Role.ADMIN);
        String eventId = eventId(ctx);
        CancelEvent command = new CancelEvent("cancel-event-" + CommandIds.random(), caller.userId(), eventId, caller.isAdmin());
        ctx.future(() -> commands.send(command, Traces.traceparent(ctx)).thenAccept(reply -> {
            if (!reply.isAccepted()) {
                throw reply.rejection().reason() == RejectionReason.NOT_OWNER
                        ? ApiException.forbidden("only the event's organiser or an admin may cancel it")
                        : Rejections.toProblem(reply.rejection());
            }
            long released = reply.events().stream().filter(HoldReleased.class::isInstance).count();
            long refunded = reply.events().stream().filter(BookingCancelled.class::isInstance).count();
            Responses.json(ctx, 200, Map.of("eventId", eventId, "status", "CANCELLED", "releasedBookings", released,
                    "refundedBookings", refunded));
        }).exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void create(Context ctx) {
        Principal organizer = auth.require(ctx, Role.ORGANIZER, Role.ADMIN);
        Optional<String> idempotencyKey = Headers.idempotencyKey(ctx);
        Requests.CreateEvent body = JsonBodies.read(ctx, Requests.CreateEvent.class);
        Instant startsAt = validate(body);
        String eventId = idempotencyKey.map(key -> CommandIds.derivedUuid(organizer.userId(), "create-event", key))
                .orElseGet(CommandIds::newEventId);
        CreateEvent command = new CreateEvent("create-" + eventId, organizer.userId(), eventId, body.title().trim(),
                body.venue().trim(), startsAt, body.currency(), body.holdTtlSeconds(), body.maxSeatsPerBooking(), sections(body),
                body.cancellationCutoffHours());
        ctx.future(() -> commands.send(command, Traces.traceparent(ctx)).thenAccept(reply -> {
            if (!reply.isAccepted()) {
                throw Rejections.toProblem(reply.rejection());
            }
            Responses.json(ctx, 201, EventView.of(((EventCreated) reply.events().get(0)).toEventInfo()));
        }).exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private Instant validate(Requests.CreateEvent body) {
        FieldErrors errors = new FieldErrors();
        errors.require(body.title() != null && !body.title().isBlank() && body.title().length() <= MAX_TEXT, "title",
                "required, 1 to " + MAX_TEXT + " characters");
        errors.require(body.venue() != null && !body.venue().isBlank() && body.venue().length() <= MAX_TEXT, "venue",
                "required, 1 to " + MAX_TEXT + " characters");
        Instant startsAt = parseInstant(body.startsAt());
        errors.require(startsAt != null, "startsAt", "required, an ISO-8601 instant such as 2027-06-01T19:30:00Z");
        errors.require(startsAt == null || startsAt.isAfter(Instant.now()), "startsAt", "must be in the future");
        errors.require(isCurrency(body.currency()), "currency", "required, an ISO 4217 code such as EUR");
        errors.require(body.holdTtlSeconds() == null || (body.holdTtlSeconds() >= 1 && body.holdTtlSeconds() <= EventRules.MAX_HOLD_TTL_SECONDS),
                "holdTtlSeconds", "between 1 and " + EventRules.MAX_HOLD_TTL_SECONDS + " (default 600)");
        errors.require(body.maxSeatsPerBooking() == null
                        || (body.maxSeatsPerBooking() >= 1 && body.maxSeatsPerBooking() <= EventRules.MAX_SEATS_PER_BOOKING),
                "maxSeatsPerBooking", "between 1 and " + EventRules.MAX_SEATS_PER_BOOKING + " (default 10)");
        errors.require(body.cancellationCutoffHours() == null || (body.cancellationCutoffHours() >= 0
                        && body.cancellationCutoffHours() <= EventRules.MAX_CANCELLATION_CUTOFF_HOURS), "cancellationCutoffHours",
                "between 0 and " + EventRules.MAX_CANCELLATION_CUTOFF_HOURS + " (default 24): until how long before the start"
                        + " paid bookings may be cancelled");
        validateSections(body.sections(), errors);
        errors.throwIfAny();
        return startsAt;
    }

    private void validateSections(List<Requests.SectionSpec> sections, FieldErrors errors) {
        if (sections == null || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            errors.require(false, "sections", "required, 1 to " + MAX_SECTIONS + " sections");
            return;
        }
        Set<String> names = new HashSet<>();
        long seats = 0;
        for (int i = 0; i < sections.size(); i++) {
            Requests.SectionSpec section = sections.get(i);
            String at = "sections[" + i + "].";
            if (section == null) {
                errors.require(false, "sections[" + i + "]", "must be an object");
                continue;
            }
            errors.require(section.name() != null && SECTION_NAME.matcher(section.name()).matches(), at + "name",
                    "required, 1 to 32 of A-Z a-z 0-9 _");
            errors.require(section.name() == null || names.add(section.name()), at + "name", "section names must be unique");
            errors.require(section.priceCents() != null && section.priceCents() >= 0, at + "priceCents", "required, 0 or more");
            errors.require(inRowRange(section.rows()), at + "rows", "required, 1 to " + EventRules.MAX_ROWS);
            errors.require(inRowRange(section.seatsPerRow()), at + "seatsPerRow", "required, 1 to " + EventRules.MAX_SEATS_PER_ROW);
            if (inRowRange(section.rows()) && inRowRange(section.seatsPerRow())) {
                seats += (long) section.rows() * section.seatsPerRow();
            }
        }
        errors.require(seats <= maxSeatsPerEvent, "sections", "at most " + maxSeatsPerEvent + " seats per event, got " + seats);
    }

    private static boolean inRowRange(Integer value) {
        return value != null && value >= 1 && value <= EventRules.MAX_ROWS;
    }

    private static List<Section> sections(Requests.CreateEvent body) {
        List<Section> sections = new ArrayList<>();
        for (Requests.SectionSpec spec : body.sections()) {
            sections.add(new Section(spec.name(), spec.priceCents(), spec.rows(), spec.seatsPerRow()));
        }
        return sections;
    }

    private static Instant parseInstant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void list(Context ctx) {
        int limit = Headers.intQuery(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        String after = ctx.queryParam("after");
        if (after != null && !ID.matcher(after).matches()) {
            throw ApiException.invalid("after", "a cursor from a previous page's next");
        }
        ctx.future(() -> reads.events(after, limit).thenAccept(events -> {
            List<EventView> items = events.stream().map(EventView::of).toList();
            String next = items.size() == limit ? items.get(items.size() - 1).eventId() : null;
            Responses.json(ctx, 200, new Page<>(items, next));
        }).exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void get(Context ctx) {
        String eventId = eventId(ctx);
        ctx.future(() -> hot.get("event:" + eventId, () -> reads.event(eventId).thenApply(found -> found.map(EventView::of)))
                .thenAccept(json -> writeOr404(ctx, json, eventId))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void availability(Context ctx) {
        String eventId = eventId(ctx);
        boolean withSeats = Headers.boolQuery(ctx, "seats");
        ctx.future(() -> hot.get("availability:" + eventId + ":" + withSeats, () -> reads.availability(eventId, withSeats)
                        .thenApply(found -> found.map(AvailabilityView::of)))
                .thenAccept(json -> writeOr404(ctx, json, eventId))
                .exceptionally(failure -> Commands.fail(ctx, failure)));
    }

    private void stream(Context ctx) throws Exception {
        String eventId = eventId(ctx);
        // The event must exist before the stream starts: once it has, the status is 200.
        Optional<?> event = reads.event(eventId).get(5, TimeUnit.SECONDS);
        if (event.isEmpty()) {
            throw unknownEvent(eventId);
        }
        if (ctx.header("Accept") == null || !ctx.header("Accept").contains("text/event-stream")) {
            throw new ApiException(406, "not-acceptable", "Not acceptable",
                    "this is a Server-Sent Events stream: send Accept: text/event-stream (EventSource does)");
        }
        new SseHandler(client -> feed.subscribe(eventId, client)).handle(ctx);
    }

    static String eventId(Context ctx) {
        String eventId = ctx.pathParam("eventId");
        if (!ID.matcher(eventId).matches()) {
            throw unknownEvent(eventId);
        }
        return eventId;
    }

    private static void writeOr404(Context ctx, Optional<String> json, String eventId) {
        if (json.isEmpty()) {
            throw unknownEvent(eventId);
        }
        ctx.status(200).contentType("application/json").result(json.get());
    }

    static ApiException unknownEvent(String eventId) {
        return ApiException.notFound("no event " + eventId + ": GET /api/events lists them");
    }
}
