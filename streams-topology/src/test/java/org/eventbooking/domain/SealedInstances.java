package org.eventbooking.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Walks a sealed hierarchy and builds one instance of every concrete record in it, so tests over
 * "every command" or "every event" pick up a new permitted type without being edited.
 */
final class SealedInstances {

    private SealedInstances() {
    }

    /** The concrete (non-sealed-interface) types permitted under {@code root}, recursively. */
    static List<Class<?>> leaves(Class<?> root) {
        List<Class<?>> leaves = new ArrayList<>();
        collect(root, leaves);
        return leaves;
    }

    private static void collect(Class<?> type, List<Class<?>> leaves) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            leaves.add(type);
            return;
        }
        for (Class<?> sub : permitted) {
            collect(sub, leaves);
        }
    }

    /**
     * Builds a record through its canonical constructor: a component takes the value named in
     * {@code byName}, else a plain value of its type.
     */
    static <T> T build(Class<T> recordType, Map<String, Object> byName) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record; teach SealedInstances to build it");
        }
        RecordComponent[] components = recordType.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components)
                .map(c -> byName.containsKey(c.getName()) ? byName.get(c.getName()) : plainValue(c.getName(), c.getType()))
                .toArray();
        try {
            Constructor<T> constructor = recordType.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + recordType.getName(), e);
        }
    }

    private static Object plainValue(String name, Class<?> type) {
        if (type == String.class) {
            return name + "-1";
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == Instant.class) {
            return DomainFixtures.NOW;
        } else if (type == List.class) {
            return List.of();
        }
        throw new IllegalArgumentException("no plain value for " + name + " of " + type);
    }
}
