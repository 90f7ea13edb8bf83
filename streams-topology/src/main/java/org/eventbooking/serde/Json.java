package org.eventbooking.serde;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.UserCommand;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;

/**
 * The one JSON mapping of every record the engine writes: ISO-8601 instants, a {@code type}
 * discriminator (the record's simple name) and a {@code schemaVersion} on commands and events.
 * The domain carries no Jackson annotations; they are attached here as mix-ins.
 */
public final class Json {

    public static final ObjectMapper MAPPER = createMapper();

    // A reader and a writer per type keep the type's root (de)serialiser, which MAPPER.readValue
    // and writeValueAsBytes would look up again on every call, for every store value and record.
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return MAPPER.writerFor(type);
        }
    };

    private Json() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonIgnoreProperties(value = "schemaVersion", allowGetters = true)
    private interface VersionedMixin {
        @JsonProperty("schemaVersion")
        int schemaVersion();
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("iso-instants").addSerializer(new IsoInstantSerializer())
                        .addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Newer writers may add fields; old readers must still read the record.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Class<?> root : List.of(BookingCommand.class, UserCommand.class, LogEvent.class, BookingEvent.class)) {
            mapper.addMixIn(root, VersionedMixin.class);
            for (Class<?> type : leafTypes(root)) {
                mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
            }
        }
        return mapper;
    }

    /** Every concrete record of a sealed hierarchy. */
    static List<Class<?>> leafTypes(Class<?> sealedRoot) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> permitted : sealedRoot.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                leaves.addAll(leafTypes(permitted));
            } else {
                leaves.add(permitted);
            }
        }
        return leaves;
    }

    public static byte[] write(Object value) {
        try {
            return WRITERS.get(value.getClass()).writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a record; throws {@link MalformedRecordException} with the reason when it cannot. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return READERS.get(type).readValue(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedRecordException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
